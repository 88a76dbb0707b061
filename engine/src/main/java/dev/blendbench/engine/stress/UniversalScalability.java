package dev.blendbench.engine.stress;

/**
 * Gunther's Universal Scalability Law fitted to closed-loop throughput against worker count:
 * {@code X(N) = λN / (1 + σ(N − 1) + κN(N − 1))}. Fitted by least squares on the linear form
 * {@code N / X = a + b(N − 1) + cN(N − 1)} with {@code b, c ≥ 0}, so {@code λ = 1/a, σ = b/a ≥ 0, κ = c/a ≥ 0}.
 *
 * @param lambda throughput of one worker (jobs/s)
 * @param sigma  contention (serial fraction)
 * @param kappa  coherency (crosstalk) cost
 * @param peakWorkers where throughput peaks, {@code √((1 − σ)/κ)} (infinite when κ ≤ 0)
 * @param rSquared goodness of fit on X
 */
public record UniversalScalability(double lambda, double sigma, double kappa, double peakWorkers, double rSquared) {

    /** Whether throughput peaks at a worker count one could run: κ > 0 puts the peak somewhere, but past a million it is nowhere. */
    public boolean peakInSight() {
        return peakWorkers <= 1e6;
    }

    public double throughputAt(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    public static UniversalScalability fit(int[] workers, double[] throughput) {
        int m = workers.length;
        if (m < 3 || throughput.length != m) throw new IllegalArgumentException("need at least 3 points to fit the USL");
        // y = a + b u + c v, u = N - 1, v = N(N - 1), by least squares with b, c >= 0: contention and
        // coherency costs are not negative (noise on near-linear scaling would otherwise fit a
        // "negative contention"). A convex problem: its optimum is the best feasible fit among the
        // unconstrained one and those with b, c or both held at 0.
        double[][] f = new double[m][];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            double n = workers[i];
            f[i] = new double[] {1, n - 1, n * (n - 1)};
            ys[i] = n / throughput[i];
        }
        double[] coef = null;
        double best = Double.POSITIVE_INFINITY;
        for (boolean[] use : new boolean[][] {{true, true, true}, {true, false, true}, {true, true, false}, {true, false, false}}) {
            double[] c;
            try {
                c = leastSquares(f, ys, use);
            } catch (IllegalArgumentException singular) {
                continue; // too few distinct worker counts for this face
            }
            if (c[1] < 0 || c[2] < 0) continue;
            double sse = 0;
            for (int i = 0; i < m; i++) {
                double e = ys[i] - (c[0] + c[1] * f[i][1] + c[2] * f[i][2]);
                sse += e * e;
            }
            if (coef == null || sse < best) {
                best = sse;
                coef = c;
            }
        }
        if (coef == null) throw new IllegalArgumentException("USL fit is singular: use more distinct worker counts");
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

    /** Least squares of {@code y} on the columns of {@code f} marked in {@code use}; unused coefficients are 0. */
    private static double[] leastSquares(double[][] f, double[] y, boolean[] use) {
        int[] cols = java.util.stream.IntStream.range(0, use.length).filter(j -> use[j]).toArray();
        int k = cols.length;
        double[][] a = new double[k][k];
        double[] r = new double[k];
        for (int i = 0; i < f.length; i++) {
            for (int j = 0; j < k; j++) {
                r[j] += f[i][cols[j]] * y[i];
                for (int l = 0; l < k; l++) a[j][l] += f[i][cols[j]] * f[i][cols[l]];
            }
        }
        double[] x = solve(a, r);
        double[] out = new double[use.length];
        for (int j = 0; j < k; j++) out[cols[j]] = x[j];
        return out;
    }

    /** Gaussian elimination with partial pivoting on a small system. */
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
