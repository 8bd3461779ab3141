package lab.softmax.engine.kernels;

import lab.softmax.engine.task.Cancellation;

/** What the benchmark ran on: cores, vector width and the measured single-thread bandwidth. */
public record MachineInfo(int cores, int vectorBits, BandwidthProbe.Result bandwidth) {
    public static MachineInfo measure(int probeSize, int repetitions, Cancellation cancellation) {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), VectorSupport.vectorBits(),
                BandwidthProbe.measure(probeSize, repetitions, cancellation));
    }
}
