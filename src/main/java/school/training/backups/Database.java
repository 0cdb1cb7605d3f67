package school.training.backups;

import java.nio.file.Path;
import java.util.Locale;

/** The database a backup is taken from or restored into, as {@code spring.datasource.*} names it. */
record Database(String url, String username, String password) {

    static final String H2 = "H2";
    static final String POSTGRESQL = "PostgreSQL";

    Database {
        if (url == null || url.isBlank()) {
            throw new Refused("spring.datasource.url is not set");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** {@value #H2} or {@value #POSTGRESQL}; any other database is refused. */
    String vendor() {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new Refused("Backups know H2 and PostgreSQL only, not " + url);
    }

    /**
     * H2's database file ({@code <name>.mv.db}) of an embedded file database such as application.yml's
     * {@code jdbc:h2:file:./data/training;…}. In-memory and server ({@code tcp:}, {@code ssl:}) URLs have no file here.
     */
    Path h2File() {
        String name = url.substring("jdbc:h2:".length());
        int options = name.indexOf(';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:")
                || name.startsWith("zip:")) {
            throw new Refused("The H2 database " + url + " is not an embedded file database");
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name + ".mv.db").toAbsolutePath().normalize();
    }

    /**
     * The database as PostgreSQL's tools name it: the JDBC URL's {@code //host:port/database} as a libpq URI,
     * keeping {@code sslmode} (the JDBC driver's other parameters mean nothing to libpq).
     */
    String libpqUri() {
        String rest = url.substring("jdbc:postgresql:".length());
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String parameter : rest.substring(question + 1).split("&")) {
                if (parameter.startsWith("sslmode=")) {
                    query = "?" + parameter;
                }
            }
            rest = rest.substring(0, question);
        }
        // jdbc:postgresql:training and jdbc:postgresql:/ mean localhost:5432
        return (rest.startsWith("//") ? "postgresql:" + rest : "postgresql://localhost/" + rest.replaceFirst("^/", ""))
                + query;
    }
}
