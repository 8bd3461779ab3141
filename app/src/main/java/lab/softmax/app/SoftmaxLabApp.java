package lab.softmax.app;

/** Placeholder until the window lands in this same change. */
public final class SoftmaxLabApp {
    private SoftmaxLabApp() { }

    public static void launchApp(String[] args) {
        throw new UnsupportedOperationException("window not built yet");
    }
}
