package org.jmultiprocessing.internal.display;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Jupyter kernel this JVM runs in, found at run time so that kernel-lib needs no kernel on its compile
 * path. JJava ({@code org.dflib.jjava}) and IJava 1.3 ({@code io.github.spencerpark}) share one design: a
 * kernel object with {@code getIO().display} (a display stream with {@code display(DisplayData)} and
 * {@code updateDisplay(id, DisplayData)}) and {@code getRenderer()}, whose registrations turn a cell's last
 * value into a MIME bundle; only the package and the way to reach the kernel differ.
 */
public final class JupyterKernel {
    /** One kernel design: where its classes live and the static method that returns the running kernel. */
    private record Flavour(String name, String basePackage, String kernelHolder, String kernelGetter) {
    }

    private static final Flavour[] FLAVOURS = {
            new Flavour("JJava", "org.dflib.jjava.jupyter.kernel", "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel"),
            new Flavour("IJava", "io.github.spencerpark.jupyter.kernel", "io.github.spencerpark.ijava.IJava", "getKernelInstance"),
    };

    private static volatile JupyterKernel found;
    private static volatile boolean searched;

    private final String name;
    private final Object kernel;
    private final Class<?> displayDataClass;
    private final Class<?> renderFunctionClass;

    private JupyterKernel(String name, Object kernel, Class<?> displayDataClass, Class<?> renderFunctionClass) {
        this.name = name;
        this.kernel = kernel;
        this.displayDataClass = displayDataClass;
        this.renderFunctionClass = renderFunctionClass;
    }

    /** The kernel running this JVM's notebook, or {@code null} (plain JShell, a terminal, a child process). */
    public static JupyterKernel current() {
        if (!searched) {
            synchronized (JupyterKernel.class) {
                if (!searched) {
                    found = find();
                    searched = true;
                }
            }
        }
        return found;
    }

    private static JupyterKernel find() {
        for (ClassLoader loader : new ClassLoader[] {JupyterKernel.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader(), ClassLoader.getSystemClassLoader()}) {
            for (Flavour flavour : FLAVOURS) {
                try {
                    Class<?> holder = Class.forName(flavour.kernelHolder(), false, loader);
                    Object kernel = holder.getMethod(flavour.kernelGetter()).invoke(null);
                    if (kernel != null) {
                        return new JupyterKernel(flavour.name(), kernel,
                                Class.forName(flavour.basePackage() + ".display.DisplayData", false, loader),
                                Class.forName(flavour.basePackage() + ".display.RenderFunction", false, loader));
                    }
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    // Not this kernel, or not reachable from this loader: try the next.
                }
            }
        }
        return null;
    }

    /** "JJava" or "IJava". */
    public String name() {
        return name;
    }

    /**
     * Shows {@code bundle} (MIME type to content) in the running cell; returns its display id, or
     * {@code null} when the kernel is not running a cell now.
     */
    public String display(Map<String, String> bundle) {
        String id = UUID.randomUUID().toString();
        try {
            Object stream = displayStream();
            if (!(Boolean) stream.getClass().getMethod("isAttached").invoke(stream)) {
                return null;
            }
            Object data = displayData(bundle);
            displayDataClass.getMethod("setDisplayId", String.class).invoke(data, id);
            stream.getClass().getMethod("display", displayDataClass).invoke(stream, data);
            return id;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Replaces what display {@code id} shows (Jupyter's {@code update_display_data}); returns false when the
     * kernel cannot send it now (no cell running).
     */
    public boolean update(String id, Map<String, String> bundle) {
        try {
            Object stream = displayStream();
            if (!(Boolean) stream.getClass().getMethod("isAttached").invoke(stream)) {
                return false;
            }
            stream.getClass().getMethod("updateDisplay", String.class, displayDataClass).invoke(stream, id, displayData(bundle));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Registers with the kernel's renderer how a cell's last value of {@code type} is shown: {@code render}
     * gives its MIME bundle. Returns false if the kernel refused.
     */
    public <T> boolean registerRenderer(Class<T> type, Function<? super T, Map<String, String>> render) {
        try {
            Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            Object registration = renderer.getClass().getMethod("createRegistration", Class.class).invoke(renderer, type);
            Class<?> registrationClass = registration.getClass();
            String[] types = {"text/html", "text/plain"};
            registration = registrationClass.getMethod("supporting", String[].class).invoke(registration, (Object) types);
            registration = registrationClass.getMethod("preferring", String[].class).invoke(registration, (Object) new String[] {"text/html"});
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return objectMethod(proxy, method, args);
                }
                Object context = args[1];
                Object container = context.getClass().getMethod("getOutputContainer").invoke(context);
                for (Map.Entry<String, String> entry : render.apply(type.cast(args[0])).entrySet()) {
                    displayDataClass.getMethod("putData", String.class, Object.class).invoke(container, entry.getKey(), entry.getValue());
                }
                return null;
            };
            Object function = Proxy.newProxyInstance(renderFunctionClass.getClassLoader(), new Class<?>[] {renderFunctionClass}, handler);
            registrationClass.getMethod("register", renderFunctionClass).invoke(registration, function);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "render function of jmultiprocessing";
        };
    }

    private Object displayStream() throws ReflectiveOperationException {
        Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
        return io.getClass().getField("display").get(io);
    }

    private Object displayData(Map<String, String> bundle) throws ReflectiveOperationException {
        Object data = displayDataClass.getConstructor().newInstance();
        Method putData = displayDataClass.getMethod("putData", String.class, Object.class);
        for (Map.Entry<String, String> entry : new LinkedHashMap<>(bundle).entrySet()) {
            putData.invoke(data, entry.getKey(), entry.getValue());
        }
        return data;
    }
}
