package io.vpbx.media.dtmf;

/**
 * The sixteen DTMF keys with their RFC 4733 §3.2 event codes (0-9, 10 = *, 11 = #, 12-15 = A-D) and
 * their ITU-T Q.23 frequency pair (row from the low group, column from the high group).
 */
public enum DtmfDigit {
    DIGIT_0('0', 941, 1336),
    DIGIT_1('1', 697, 1209),
    DIGIT_2('2', 697, 1336),
    DIGIT_3('3', 697, 1477),
    DIGIT_4('4', 770, 1209),
    DIGIT_5('5', 770, 1336),
    DIGIT_6('6', 770, 1477),
    DIGIT_7('7', 852, 1209),
    DIGIT_8('8', 852, 1336),
    DIGIT_9('9', 852, 1477),
    STAR('*', 941, 1209),
    POUND('#', 941, 1477),
    A('A', 697, 1633),
    B('B', 770, 1633),
    C('C', 852, 1633),
    D('D', 941, 1633);

    private static final DtmfDigit[] BY_EVENT = values();

    private final char symbol;
    private final int lowHz;
    private final int highHz;

    DtmfDigit(char symbol, int lowHz, int highHz) {
        this.symbol = symbol;
        this.lowHz = lowHz;
        this.highHz = highHz;
    }

    /** The RFC 4733 event code; the declaration order is the event order. */
    public int event() {
        return ordinal();
    }

    public char symbol() {
        return symbol;
    }

    public int lowHz() {
        return lowHz;
    }

    public int highHz() {
        return highHz;
    }

    /**
     * @throws IllegalArgumentException for codes outside 0..15 (RFC 4733 events 16 and up are flash
     *     and line signals, not keys)
     */
    public static DtmfDigit ofEventCode(int event) {
        if (event < 0 || event >= BY_EVENT.length) {
            throw new IllegalArgumentException("not a DTMF event code: " + event);
        }
        return BY_EVENT[event];
    }

    /** The key of an RFC 4733 event code 0..15. */
    public static char ofEvent(int event) {
        return ofEventCode(event).symbol;
    }

    /**
     * The RFC 4733 event code of a key; A-D are accepted in either case.
     *
     * @throws IllegalArgumentException if the character is not a DTMF key
     */
    public static int eventOf(char symbol) {
        return ofSymbol(symbol).event();
    }

    /**
     * @throws IllegalArgumentException if the character is not a DTMF key
     */
    public static DtmfDigit ofSymbol(char symbol) {
        if (symbol >= '0' && symbol <= '9') {
            return BY_EVENT[symbol - '0'];
        }
        switch (symbol) {
            case '*':
                return STAR;
            case '#':
                return POUND;
            case 'A', 'a':
                return A;
            case 'B', 'b':
                return B;
            case 'C', 'c':
                return C;
            case 'D', 'd':
                return D;
            default:
                throw new IllegalArgumentException("not a DTMF key: '" + symbol + "'");
        }
    }

    public static boolean isSymbol(char symbol) {
        return (symbol >= '0' && symbol <= '9')
                || symbol == '*'
                || symbol == '#'
                || (symbol >= 'A' && symbol <= 'D')
                || (symbol >= 'a' && symbol <= 'd');
    }
}
