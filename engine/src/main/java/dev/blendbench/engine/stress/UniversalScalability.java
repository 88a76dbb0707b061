package dev.blendbench.engine.stress;

/**
 * Gunther's Universal Scalability Law fitted to closed-loop throughput against worker count:
 * {@code X(N) = λN / (1 + σ(N − 1) + κN(N − 1))}. Fitted by least squares on the linear form
 * {@code N / X = a + b(N − 1) + cN(N − 1)}, so {@code λ = 1/a, σ = b/a, κ = c/a}.
 *
 * @param lambda throughput of one worker (jobs/s)
 * @param sigma  contention (serial fraction)
 * @param kappa  coherency (crosstalk) cost
 * @param peakWorkers where throughput peaks, {@code √((1 − σ)/κ)} (infinite when κ ≤ 0)
 * @param rSquared goodness of fit on X
 */
public record UniversalScalability(double lambda, double sigma, double kappa, double peakWorkers, double rSquared) {

    public double throughputAt(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    public static UniversalScalability fit(int[] workers, double[] throughput) {
        int m = workers.length;
        if (m < 3 || throughput.length != m) throw new IllegalArgumentException("need at least 3 points to fit the USL");
        // normal equations for y = a + b u + c v, u = N - 1, v = N(N - 1)
        double[][] A = new double[3][3];
        double[] r = new double[3];
        for (int i = 0; i < m; i++) {
            double n = workers[i], y = n / throughput[i];
            double[] f = {1, n - 1, n * (n - 1)};
            for (int j = 0; j < 3; j++) {
                r[j] += f[j] * y;
                for (int k = 0; k < 3; k++) A[j][k] += f[j] * f[k];
            }
        }
        double[] coef = solve(A, r);
        double a = coef[0], lambda = 1 / a, sigma = coef[1] / a, kappa = coef[2] / a;
        double peak = kappa > 0 ? Math.sqrt(Math.max(0, 1 - sigma) / kappa) : Double.POSITIVE_INFINITY;
        UniversalScalability u = new UniversalScalability(lambda, sigma, kappa, peak, 0);
        double mean = 0;
        for (double x : throughput) mean += x / m;
        double ssRes = 0, ssTot = 0;
        for (int i = 0; i < m; i++) {
            double e = throughput[i] - u.throughputAt(workers[i]);
            ssRes += e * e;
            ssTot += (throughput[i] - mean) * (throughput[i] - mean);
        }
        return new UniversalScalability(lambda, sigma, kappa, peak, ssTot == 0 ? 1 : 1 - ssRes / ssTot);
    }

    /** Gaussian elimination with partial pivoting on a 3×3 system. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int i = c + 1; i < n; i++) if (Math.abs(m[i][c]) > Math.abs(m[p][c])) p = i;
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            if (Math.abs(m[c][c]) < 1e-300) throw new IllegalArgumentException("USL fit is singular: use more distinct worker counts");
            for (int i = c + 1; i < n; i++) {
                double f = m[i][c] / m[c][c];
                for (int k = c; k <= n; k++) m[i][k] -= f * m[c][k];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int k = i + 1; k < n; k++) s -= m[i][k] * x[k];
            x[i] = s / m[i][i];
        }
        return x;
    }
}
