package org.jmultiprocessing.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;

/** A one-class library compiled on disk, for a notebook's {@code %classpath}: {@code greeting.Greeting.hello()}. */
public final class GreetingLibrary {
    public static final String GREETING = "hello from a %classpath class";

    private GreetingLibrary() {
    }

    /** Compiles the library under {@code folder} and returns the directory of its classes. */
    public static Path compile(Path folder) throws IOException {
        Path source = folder.resolve("src/greeting/Greeting.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package greeting; public class Greeting { public static String hello() { return \""
                + GREETING + "\"; } }");
        Path classes = folder.resolve("classes");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()) != 0) {
            throw new AssertionError("javac could not compile " + source);
        }
        return classes;
    }
}
