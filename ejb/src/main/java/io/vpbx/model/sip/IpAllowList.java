package io.vpbx.model.sip;

import io.vpbx.model.shared.RuleViolation;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses a domain's phones may register from (seed 004 §2.1.1.4, "IP whitelist"): IPv4 or
 * IPv6 addresses and networks in CIDR notation, separated by commas, spaces or new lines. An empty
 * list allows every address.
 */
public final class IpAllowList {
    public static final int MAX_ENTRIES = 50;

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern IPV4 =
            Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

    private record Network(BigInteger prefix, int bits, int length) {}

    private final List<Network> networks;
    private final String text;

    private IpAllowList(List<Network> networks, String text) {
        this.networks = List.copyOf(networks);
        this.text = text;
    }

    public static final IpAllowList ANY = new IpAllowList(List.of(), "");

    /**
     * Parses what an admin typed; every entry must be an address or a network.
     *
     * @throws RuleViolation on field {@code sipAllowList} for the first bad entry
     */
    public static IpAllowList parse(String value) {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        List<Network> networks = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (String entry : value.trim().split("[,;\\s]+")) {
            if (networks.size() == MAX_ENTRIES) {
                throw RuleViolation.onField(
                        "sipAllowList", "error.sipAllowList.tooMany", MAX_ENTRIES);
            }
            Network network = network(entry);
            networks.add(network);
            normalised.add(entry);
        }
        return new IpAllowList(networks, String.join(", ", normalised));
    }

    private static Network network(String entry) {
        String[] parts = entry.split("/", 2);
        if (!LITERAL.matcher(parts[0]).matches()) {
            throw RuleViolation.onField("sipAllowList", "error.sipAllowList.invalid", entry);
        }
        byte[] bytes = literal(parts[0]);
        if (bytes == null) {
            throw RuleViolation.onField("sipAllowList", "error.sipAllowList.invalid", entry);
        }
        int length = bytes.length * 8;
        int bits = length;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > length) {
                throw RuleViolation.onField("sipAllowList", "error.sipAllowList.invalid", entry);
            }
        }
        return new Network(prefix(new BigInteger(1, bytes), bits, length), bits, length);
    }

    /**
     * The bytes of an IPv4 or IPv6 literal; null for anything else. Never a DNS lookup: IPv4 is
     * parsed here, and Java parses a string with a colon as an IPv6 literal only.
     */
    private static byte[] literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return null;
        }
        java.util.regex.Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (!text.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static BigInteger prefix(BigInteger address, int bits, int length) {
        return address.shiftRight(length - bits);
    }

    /** Whether a source address (a literal, as the packet came) may register. */
    public boolean permits(String address) {
        if (networks.isEmpty()) {
            return true;
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        BigInteger value = new BigInteger(1, bytes);
        int length = bytes.length * 8;
        for (Network n : networks) {
            if (n.length() == length && prefix(value, n.bits(), length).equals(n.prefix())) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** The entries as stored and shown: separated by ", ". */
    @Override
    public String toString() {
        return text;
    }
}
