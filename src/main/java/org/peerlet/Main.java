package org.peerlet;

import org.peerlet.account.AccountService;
import org.peerlet.account.Role;
import org.peerlet.backup.BackupCommands;
import org.peerlet.config.BadSettingException;
import org.peerlet.config.Settings;
import org.peerlet.http.ApiError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The jar's entry point: runs the server, or the admin tool ({@code admin create-user},
 * {@code admin reset-password}, {@code admin backup}, {@code admin restore}), or prints help.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (list.contains("--help") || list.contains("-h") || list.contains("help")) {
            System.out.println(help());
            return;
        }
        try {
            if (!list.isEmpty() && list.get(0).equals("admin")) {
                System.exit(admin(list.subList(1, list.size())));
            }
            serve(list);
        } catch (BadSettingException e) {
            System.err.println("peerlet: " + e.getMessage());
            System.exit(2);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("peerlet: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void serve(List<String> flags) {
        Settings settings = Settings.load(System.getenv(), flags);
        org.peerlet.config.LogLevels.apply(settings);
        // JavaCPP unpacks FFmpeg's libraries (~50 MB) once into the data dir, instead of into a
        // home directory (none under systemd's DynamicUser) or a private /tmp wiped at each start.
        System.getProperties().putIfAbsent("org.bytedeco.javacpp.cachedir",
                settings.dataDir().resolve("native").toAbsolutePath().toString());
        App app = new App(settings, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        app.start();
        app.generatedAdminPassword().ifPresent(p -> System.out.println(
                "peerlet: first start: made the account 'admin' with the password " + p
                        + " (shown only this once; change it after logging in)"));
        System.out.println("peerlet: listening on " + settings.publicUrl() + "/ (data in "
                + settings.dataDir().toAbsolutePath() + ")");
    }

    /** The admin tool: works on the database directly, with the same settings as the server. */
    private static int admin(List<String> args) {
        if (args.isEmpty()) {
            System.err.println("peerlet admin: say create-user, reset-password, backup or restore (see --help)");
            return 2;
        }
        String command = args.get(0);
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        BackupCommands backups = new BackupCommands(Version.VERSION, System.out, System.err);
        if (command.equals("backup")) return backups.backup(rest);
        if (command.equals("restore")) return backups.restore(rest);
        String username = take(rest, "--username");
        String password = take(rest, "--password");
        String email = take(rest, "--email");
        String role = take(rest, "--role");
        if (username == null || password == null) {
            System.err.println("peerlet admin " + command + ": --username and --password are required");
            return 2;
        }
        Settings settings = Settings.load(System.getenv(), rest);
        try (App app = new App(settings, Clock.systemUTC())) {
            switch (command) {
                case "create-user" -> {
                    Role r = role == null ? Role.USER : Role.valueOf(role.toUpperCase());
                    app.accounts().create(new AccountService.NewUser(username, password, email, r,
                            settings.get(Settings.USER_VIDEO_QUOTA), settings.get(Settings.USER_VIDEO_QUOTA_DAILY),
                            null, null, null));
                    System.out.println("peerlet admin: made user " + username + " (" + r.label + ")");
                }
                case "reset-password" -> {
                    app.accounts().setPassword(username, password);
                    System.out.println("peerlet admin: new password set for " + username);
                }
                default -> {
                    System.err.println("peerlet admin: unknown command " + command + " (see --help)");
                    return 2;
                }
            }
            return 0;
        } catch (ApiError e) {
            System.err.println("peerlet admin: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("peerlet admin: --role must be admin, moderator or user");
            return 2;
        }
    }

    private static String take(List<String> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(flag) && i + 1 < args.size()) {
                String v = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                return v;
            }
            if (a.startsWith(flag + "=")) {
                args.remove(i);
                return a.substring(flag.length() + 1);
            }
        }
        return null;
    }

    static String help() {
        return """
                Peerlet %s - a self-hosted video platform in one jar.

                Usage:
                  java -jar peerlet.jar [flags]              run the server
                  java -jar peerlet.jar admin create-user --username NAME --password PW [--email E] [--role admin|moderator|user] [flags]
                  java -jar peerlet.jar admin reset-password --username NAME --password PW [flags]
                  java -jar peerlet.jar admin backup [FOLDER] [flags]       back up (the server may run); FOLDER or backup_dir
                  java -jar peerlet.jar admin restore BACKUP [--force] [flags]  into an empty data dir (server stopped)
                  java -jar peerlet.jar --help               this text

                Settings: defaults, then <data dir>/%s (key=value), then environment
                variables, then flags (--key value or --key=value). Later sources win.

                %s""".formatted(Version.VERSION, Settings.FILE_NAME, Settings.describe());
    }

}
