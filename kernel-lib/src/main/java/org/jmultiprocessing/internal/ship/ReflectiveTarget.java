package org.jmultiprocessing.internal.ship;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

import org.jmultiprocessing.Target;
import org.jmultiprocessing.Target1;
import org.jmultiprocessing.Target2;
import org.jmultiprocessing.Target3;
import org.jmultiprocessing.Target4;

/**
 * A process target rebuilt in the child by calling its implementation method through reflection, not by
 * {@code LambdaMetafactory}: the first lambda a JVM links costs it ~7 ms, a seventh of a cold start. It
 * serializes as the lambda it stands for, so a grandchild receives a real lambda again.
 */
public abstract class ReflectiveTarget implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SerializedLambda lambda;
    private final transient Executable implementation;

    private ReflectiveTarget(SerializedLambda lambda, Executable implementation) {
        this.lambda = lambda;
        this.implementation = implementation;
    }

    /**
     * The target {@code lambda} describes, or {@code null} when it is not a {@code Target}..{@code Target4}
     * or its implementation cannot be reached by reflection (the caller then links the lambda as usual).
     */
    static Serializable of(SerializedLambda lambda, ClassLoader loader) {
        Executable implementation = implementation(lambda, loader);
        if (implementation == null) {
            return null;
        }
        return switch (lambda.getFunctionalInterfaceClass()) {
            case "org/jmultiprocessing/Target" -> new Of0(lambda, implementation);
            case "org/jmultiprocessing/Target1" -> new Of1(lambda, implementation);
            case "org/jmultiprocessing/Target2" -> new Of2(lambda, implementation);
            case "org/jmultiprocessing/Target3" -> new Of3(lambda, implementation);
            case "org/jmultiprocessing/Target4" -> new Of4(lambda, implementation);
            default -> null;
        };
    }

    private static Executable implementation(SerializedLambda lambda, ClassLoader loader) {
        try {
            Class<?> owner = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
            Executable[] candidates = lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial
                    ? owner.getDeclaredConstructors() : owner.getDeclaredMethods();
            for (Executable candidate : candidates) {
                String name = candidate instanceof Method ? candidate.getName() : "<init>";
                if (name.equals(lambda.getImplMethodName())
                        && descriptor(candidate).equals(lambda.getImplMethodSignature())) {
                    candidate.setAccessible(true);
                    return candidate;
                }
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // Not reachable this way (e.g. a named module's method): linked as a lambda instead.
        }
        return null;
    }

    private static String descriptor(Executable executable) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : executable.getParameterTypes()) {
            descriptor.append(descriptor(parameter));
        }
        descriptor.append(')');
        descriptor.append(executable instanceof Method m ? descriptor(m.getReturnType()) : "V");
        return descriptor.toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (type.isPrimitive()) {
            return switch (type.getName()) {
                case "int" -> "I";
                case "long" -> "J";
                case "double" -> "D";
                case "float" -> "F";
                case "boolean" -> "Z";
                case "byte" -> "B";
                case "short" -> "S";
                case "char" -> "C";
                default -> "V";
            };
        }
        // A StringBuilder, not "+": string concatenation links through invokedynamic, as lambdas do.
        return new StringBuilder("L").append(type.getName().replace('.', '/')).append(';').toString();
    }

    /** Calls the implementation with the captured values, then the target's arguments, as the lambda would. */
    final void call(Object... arguments) throws Exception {
        Object[] all = new Object[lambda.getCapturedArgCount() + arguments.length];
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            all[i] = lambda.getCapturedArg(i);
        }
        System.arraycopy(arguments, 0, all, lambda.getCapturedArgCount(), arguments.length);
        try {
            if (implementation instanceof Constructor<?> constructor) {
                constructor.newInstance(all);
            } else if (lambda.getImplMethodKind() == MethodHandleInfo.REF_invokeStatic) {
                ((Method) implementation).invoke(null, all);
            } else {
                ((Method) implementation).invoke(all[0], Arrays.copyOfRange(all, 1, all.length));
            }
        } catch (InvocationTargetException e) {
            throw ReflectiveTarget.<Exception>sneaky(e.getCause());
        }
    }

    /** Rethrows what the implementation threw as it is, checked or not, as the lambda would have. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }

    /** True for a frame of the calls from {@link #call} into the implementation, which a traceback omits. */
    public static boolean isCallFrame(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith(ReflectiveTarget.class.getName()) || type.startsWith("jdk.internal.reflect.")
                || type.equals(Method.class.getName()) || type.equals(Constructor.class.getName());
    }

    /** Protected, not private: serialization looks for it on the concrete subclass. */
    protected final Object writeReplace() {
        return lambda;
    }

    private static final class Of0 extends ReflectiveTarget implements Target {
        Of0(SerializedLambda lambda, Executable implementation) {
            super(lambda, implementation);
        }

        @Override
        public void run() throws Exception {
            call();
        }
    }

    private static final class Of1 extends ReflectiveTarget implements Target1<Object> {
        Of1(SerializedLambda lambda, Executable implementation) {
            super(lambda, implementation);
        }

        @Override
        public void run(Object a) throws Exception {
            call(a);
        }
    }

    private static final class Of2 extends ReflectiveTarget implements Target2<Object, Object> {
        Of2(SerializedLambda lambda, Executable implementation) {
            super(lambda, implementation);
        }

        @Override
        public void run(Object a, Object b) throws Exception {
            call(a, b);
        }
    }

    private static final class Of3 extends ReflectiveTarget implements Target3<Object, Object, Object> {
        Of3(SerializedLambda lambda, Executable implementation) {
            super(lambda, implementation);
        }

        @Override
        public void run(Object a, Object b, Object c) throws Exception {
            call(a, b, c);
        }
    }

    private static final class Of4 extends ReflectiveTarget implements Target4<Object, Object, Object, Object> {
        Of4(SerializedLambda lambda, Executable implementation) {
            super(lambda, implementation);
        }

        @Override
        public void run(Object a, Object b, Object c, Object d) throws Exception {
            call(a, b, c, d);
        }
    }
}
