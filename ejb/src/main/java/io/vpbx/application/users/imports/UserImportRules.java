package io.vpbx.application.users.imports;

import io.vpbx.application.users.imports.ImportFileRejected.Reason;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.RuleViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The import's row rules (spec B BR-22, BR-23), pure: given the rows and what the domain already
 * has, decides for every cell whether it is fine, a warning, or an error that keeps the row from
 * being created. Every error of a row is reported, not just the first, so the admin fixes the file
 * once.
 *
 * <p>Decisions the spec leaves open:
 *
 * <ul>
 *   <li>The user limit counts every data row against the domain's free places (existing users +
 *       rows ≤ maximum, the safer reading of BR-23); a file over it is refused as a whole.
 *   <li>A login repeated in the file is an error on every such row, like an extension (BR-22h).
 *   <li>Group names are required, comma-separated and trimmed; the same name in any letter case is
 *       one group, the domain's if it has it. A name the domain has not is a warning that the group
 *       will be created (BR-22e), not an error; one longer than a group's name may be is an error.
 *   <li>An empty extension gets the lowest free number from 100 up, skipping every extension the
 *       domain or the file already uses.
 *   <li>An outgoing CLI that is not 10 digits (a leading 7/8 or +7 is accepted) is an error; one
 *       that is not the domain's is a warning, and the domain default applies (BR-22f).
 * </ul>
 */
public final class UserImportRules {
    public static final int PASSWORD_MIN_LENGTH = 8;
    public static final int PASSWORD_MAX_LENGTH = 64;
    public static final int PASSWORD_MIN_CLASSES = 3;
    public static final int DISPLAY_NAME_MAX_LENGTH = 128;
    public static final int EXTENSION_MAX_DIGITS = 5;

    /** A call group's longest name ({@code CallGroup.MAX_NAME}). */
    public static final int GROUP_NAME_MAX_LENGTH = 64;

    static final int FIRST_ALLOCATED_EXTENSION = 100;

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private UserImportRules() {}

    /**
     * Checks every row.
     *
     * @throws ImportFileRejected if the file has more rows than the domain has free places
     */
    public static ImportPreview check(List<ImportRow> rows, DomainSnapshot domain) {
        if (rows.size() > domain.freeUserSlots()) {
            throw new ImportFileRejected(
                    Reason.OVER_USER_LIMIT, rows.size(), Math.max(0, domain.freeUserSlots()));
        }
        Map<String, Integer> loginsInFile = new HashMap<>();
        Map<String, Integer> extensionsInFile = new HashMap<>();
        for (ImportRow row : rows) {
            if (!row.login().isEmpty()) {
                loginsInFile.merge(row.login().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            if (!row.extension().isEmpty()) {
                extensionsInFile.merge(row.extension(), 1, Integer::sum);
            }
        }
        Set<String> usedExtensions = new HashSet<>(domain.extensions());
        usedExtensions.addAll(extensionsInFile.keySet());
        int nextExtension = FIRST_ALLOCATED_EXTENSION;

        List<CheckedRow> checked = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            List<CellProblem> problems = new ArrayList<>();
            checkLogin(row.login(), domain, loginsInFile, problems);
            checkPassword(row.password(), problems);
            checkDisplayName(row.displayName(), problems);
            checkExtension(row.extension(), domain, extensionsInFile, problems);
            List<String> groups = groupNames(row.groups(), domain, problems);
            String cli = outgoingCli(row.outgoingCli(), domain, problems);
            checkEmail(row.email(), problems);

            String extension = null;
            boolean ready = problems.stream().noneMatch(CellProblem::error);
            if (ready && !row.extension().isEmpty()) {
                extension = row.extension();
            } else if (ready) {
                while (nextExtension < 100_000
                        && usedExtensions.contains(Integer.toString(nextExtension))) {
                    nextExtension++;
                }
                if (nextExtension < 100_000) {
                    extension = Integer.toString(nextExtension);
                    usedExtensions.add(extension);
                } else {
                    problems.add(
                            CellProblem.error(
                                    ImportColumn.EXTENSION, "userImport.error.extension.noneFree"));
                }
            }
            checked.add(new CheckedRow(row, extension, groups, cli, problems));
        }
        return new ImportPreview(checked);
    }

    private static void checkLogin(
            String login,
            DomainSnapshot domain,
            Map<String, Integer> inFile,
            List<CellProblem> problems) {
        if (login.isEmpty()) {
            problems.add(required(ImportColumn.LOGIN));
            return;
        }
        // Not lower-cased first: "Ivanov" is an error in the file (AT-17), even though the
        // create-one dialog would quietly accept it as "ivanov".
        if (!LOGIN.matcher(login).matches()) {
            problems.add(CellProblem.error(ImportColumn.LOGIN, "userImport.error.login.invalid"));
        } else if (login.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            problems.add(CellProblem.error(ImportColumn.LOGIN, "userImport.error.login.noLetter"));
        }
        String key = login.toLowerCase(Locale.ROOT);
        if (inFile.getOrDefault(key, 0) > 1) {
            problems.add(notUnique(ImportColumn.LOGIN));
        }
        if (domain.logins().contains(key)) {
            problems.add(CellProblem.error(ImportColumn.LOGIN, "userImport.error.login.taken"));
        }
    }

    /**
     * BR-22b: at least 8 characters from at least 3 of lower case, upper case, digits, specials.
     */
    static void checkPassword(String password, List<CellProblem> problems) {
        if (password.isEmpty()) {
            problems.add(required(ImportColumn.PASSWORD));
            return;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean special = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c > ' ' && c < 0x7F) {
                special = true;
            } else {
                // Spaces, Cyrillic and control characters cannot be typed on every phone keypad
                // or login form; refuse them rather than lock the user out.
                problems.add(
                        CellProblem.error(
                                ImportColumn.PASSWORD, "userImport.error.password.invalid"));
                return;
            }
        }
        if (password.length() < PASSWORD_MIN_LENGTH) {
            problems.add(
                    CellProblem.error(
                            ImportColumn.PASSWORD,
                            "userImport.error.password.tooShort",
                            PASSWORD_MIN_LENGTH));
        } else if (password.length() > PASSWORD_MAX_LENGTH) {
            problems.add(
                    CellProblem.error(
                            ImportColumn.PASSWORD,
                            "userImport.error.password.tooLong",
                            PASSWORD_MAX_LENGTH));
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (special ? 1 : 0);
        if (classes < PASSWORD_MIN_CLASSES) {
            problems.add(
                    CellProblem.error(
                            ImportColumn.PASSWORD,
                            "userImport.error.password.classes",
                            PASSWORD_MIN_CLASSES));
        }
    }

    private static void checkDisplayName(String name, List<CellProblem> problems) {
        if (name.isEmpty()) {
            problems.add(required(ImportColumn.DISPLAY_NAME));
        } else if (name.length() > DISPLAY_NAME_MAX_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(
                    CellProblem.error(
                            ImportColumn.DISPLAY_NAME,
                            "userImport.error.displayName.invalid",
                            DISPLAY_NAME_MAX_LENGTH));
        }
    }

    private static void checkExtension(
            String extension,
            DomainSnapshot domain,
            Map<String, Integer> inFile,
            List<CellProblem> problems) {
        if (extension.isEmpty()) {
            return;
        }
        if (!DIGITS.matcher(extension).matches()) {
            problems.add(
                    CellProblem.error(
                            ImportColumn.EXTENSION, "userImport.error.extension.notDigits"));
            return;
        }
        if (extension.length() > EXTENSION_MAX_DIGITS) {
            problems.add(
                    CellProblem.error(
                            ImportColumn.EXTENSION,
                            "userImport.error.extension.tooLong",
                            EXTENSION_MAX_DIGITS));
            return;
        }
        if (inFile.getOrDefault(extension, 0) > 1) {
            problems.add(notUnique(ImportColumn.EXTENSION));
        }
        if (domain.extensions().contains(extension)) {
            problems.add(
                    CellProblem.error(ImportColumn.EXTENSION, "userImport.error.extension.taken"));
        }
    }

    private static List<String> groupNames(
            String cell, DomainSnapshot domain, List<CellProblem> problems) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String part : cell.split(",")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        if (names.isEmpty()) {
            problems.add(required(ImportColumn.GROUPS));
            return List.of();
        }
        for (String name : names.values()) {
            if (name.length() > GROUP_NAME_MAX_LENGTH
                    || name.chars().anyMatch(Character::isISOControl)) {
                problems.add(
                        CellProblem.error(
                                ImportColumn.GROUPS,
                                "userImport.error.groups.invalid",
                                GROUP_NAME_MAX_LENGTH));
                return List.copyOf(names.values());
            }
        }
        List<String> missing =
                names.entrySet().stream()
                        .filter(e -> !domain.callGroups().contains(e.getKey()))
                        .map(Map.Entry::getValue)
                        .toList();
        if (!missing.isEmpty()) {
            problems.add(
                    CellProblem.warning(
                            ImportColumn.GROUPS,
                            "userImport.warning.groups.willBeCreated",
                            String.join(", ", missing)));
        }
        return List.copyOf(names.values());
    }

    private static String outgoingCli(
            String cell, DomainSnapshot domain, List<CellProblem> problems) {
        if (cell.isEmpty()) {
            return null;
        }
        String digits = cell.replaceAll("[\\s()-]", "");
        if (digits.startsWith("+7")) {
            digits = digits.substring(2);
        } else if (digits.length() == 11 && (digits.startsWith("7") || digits.startsWith("8"))) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10 || !DIGITS.matcher(digits).matches()) {
            problems.add(
                    CellProblem.error(ImportColumn.OUTGOING_CLI, "userImport.error.cli.invalid"));
            return null;
        }
        if (!domain.numbers().contains(digits)) {
            problems.add(
                    CellProblem.warning(
                            ImportColumn.OUTGOING_CLI, "userImport.warning.cli.notDomainNumber"));
            return null;
        }
        return digits;
    }

    private static void checkEmail(String email, List<CellProblem> problems) {
        try {
            EmailAddress.optional(email);
        } catch (RuleViolation invalid) {
            problems.add(CellProblem.error(ImportColumn.EMAIL, "userImport.error.email.invalid"));
        }
    }

    private static CellProblem required(ImportColumn column) {
        return CellProblem.error(column, "userImport.error.required");
    }

    private static CellProblem notUnique(ImportColumn column) {
        return CellProblem.error(column, "userImport.error.notUnique");
    }
}
