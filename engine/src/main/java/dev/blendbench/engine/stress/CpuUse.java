package dev.blendbench.engine.stress;

/**
 * How the machine's CPUs were used over a stretch of time, in cores (1.0: one core's worth of time
 * a second): by the workload's own process (its workers, and the JVM's compiler, collector and
 * sampler threads), by everything else that ran on the machine (other processes, the workbench or
 * command line driving the session among them), and taken away by the hypervisor (steal: a
 * virtual machine's CPUs given to other guests while they had work). Other processes and steal are
 * what make a shared machine's figures noisy: a session measured while they were high measured them
 * too. NaN where unknown: the machine's figures come from {@code /proc/stat}, which only Linux has.
 *
 * @param workloadCores CPU time of the workload's process per second of wall time
 * @param otherCores    the machine's busy CPU time per second less the workload's (never below 0)
 * @param stealCores    CPU time per second the hypervisor took (0 on bare metal)
 * @param machineCores  the machine's CPUs as the operating system counts them (0: unknown)
 */
public record CpuUse(double workloadCores, double otherCores, double stealCores, int machineCores) {
    /** Nothing known. */
    public static final CpuUse UNKNOWN = new CpuUse(Double.NaN, Double.NaN, Double.NaN, 0);

    /** Whether the machine's side (other processes, steal) is known, not only the workload's. */
    public boolean machineKnown() {
        return !Double.isNaN(otherCores) && machineCores > 0;
    }

    /**
     * The mean of {@code parts}, each weighted by its {@code weights} entry (an interval's length),
     * figure by figure over the parts that know it: a session's use from its intervals'.
     */
    public static CpuUse mean(java.util.List<CpuUse> parts, double[] weights) {
        double[] sum = new double[3], w = new double[3];
        int cores = 0;
        for (int i = 0; i < parts.size(); i++) {
            CpuUse c = parts.get(i);
            double[] v = {c.workloadCores, c.otherCores, c.stealCores};
            for (int k = 0; k < 3; k++) {
                if (!Double.isNaN(v[k]) && weights[i] > 0) {
                    sum[k] += v[k] * weights[i];
                    w[k] += weights[i];
                }
            }
            cores = Math.max(cores, c.machineCores);
        }
        return new CpuUse(w[0] > 0 ? sum[0] / w[0] : Double.NaN, w[1] > 0 ? sum[1] / w[1] : Double.NaN,
                w[2] > 0 ? sum[2] / w[2] : Double.NaN, cores);
    }
}
