package org.jmultiprocessing.internal.ship;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file mentions, read from its constant pool: class entries plus every type named in a
 * descriptor or generic signature. This finds the cell classes a shipped class needs (the method a lambda
 * calls, a record it builds) without loading anything.
 */
final class ClassReferences {
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([^;<>:]+)[;<]");
    private static final String[] PLATFORM_PREFIXES = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};

    private ClassReferences() {
    }

    /**
     * What a class file refers to: binary names ({@code a.b.C$D}) of the non-platform classes, and the fields
     * it reads or writes, as {@code owner#name}.
     */
    record References(Set<String> classes, Set<String> fields) {
    }

    static References of(byte[] classFile) {
        try {
            return parse(classFile);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file (" + e + ")", e);
        }
    }

    private static References parse(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic number");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[] fieldClass = new int[count];
        int[] fieldNameAndType = new int[count];
        int[] nameAndTypeName = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 9 -> {
                    fieldClass[i] = in.readUnsignedShort();
                    fieldNameAndType[i] = in.readUnsignedShort();
                }
                case 12 -> {
                    nameAndTypeName[i] = in.readUnsignedShort();
                    in.skipBytes(2);
                }
                case 3, 4, 10, 11, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        for (int i = 1; i < count; i++) {
            if (fieldClass[i] != 0) {
                String owner = utf8[classNameIndex[fieldClass[i]]].replace('/', '.');
                fields.add(owner + "#" + utf8[nameAndTypeName[fieldNameAndType[i]]]);
            }
            if (classNameIndex[i] != 0 && utf8[classNameIndex[i]] != null && !utf8[classNameIndex[i]].startsWith("[")) {
                add(names, utf8[classNameIndex[i]]);
            }
            if (utf8[i] != null && utf8[i].indexOf('L') >= 0) {
                Matcher m = DESCRIPTOR_TYPE.matcher(utf8[i]);
                while (m.find()) {
                    add(names, m.group(1));
                }
            }
        }
        return new References(names, fields);
    }

    private static void add(Set<String> names, String internalName) {
        for (String prefix : PLATFORM_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return;
            }
        }
        names.add(internalName.replace('/', '.'));
    }
}
