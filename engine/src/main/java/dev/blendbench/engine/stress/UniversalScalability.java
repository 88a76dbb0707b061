package dev.blendbench.engine.stress;

/**
 * Gunther's Universal Scalability Law fitted to closed-loop throughput against worker count:
 * {@code X(N) = λN / (1 + σ(N − 1) + κN(N − 1))}, with {@code σ, κ ≥ 0}, by least squares on X
 * itself. The linear form {@code N / X = a + b(N − 1) + cN(N − 1)} gives a first fit in closed
 * form, but it weighs the points by {@code N²/X²}: the most workers' noise decides it, and for a
 * throughput flat from 1 to 8 workers (a lock every job takes) it read 433 jobs/s per worker where
 * one worker did 600, an R² of −1.5. So that fit only starts a search over {@code (σ, κ)} that
 * minimises the squared error in X, with λ in closed form for each {@code (σ, κ)}
 * ({@code λ = ΣXg / Σg²}, {@code g = N / (1 + σ(N − 1) + κN(N − 1))}): a grid over both, then
 * a pattern search from its best point.
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
        double[] sk = refine(workers, throughput, coef[0] > 0 ? coef[1] / coef[0] : 0, coef[0] > 0 ? coef[2] / coef[0] : 0);
        double sigma = sk[0], kappa = sk[1], lambda = bestLambda(workers, throughput, sigma, kappa);
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

    /** The shape of the curve at {@code n} workers for {@code (σ, κ)}: X = λ times this. */
    private static double shape(double n, double sigma, double kappa) {
        return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** The λ that fits {@code x} best for {@code (σ, κ)}: least squares of X on the shape, ΣXg / Σg². */
    private static double bestLambda(int[] n, double[] x, double sigma, double kappa) {
        double xg = 0, gg = 0;
        for (int i = 0; i < n.length; i++) {
            double g = shape(n[i], sigma, kappa);
            xg += x[i] * g;
            gg += g * g;
        }
        return xg / gg;
    }

    /** The squared error in X of {@code (σ, κ)} with its best λ. */
    private static double errorInX(int[] n, double[] x, double sigma, double kappa) {
        double lambda = bestLambda(n, x, sigma, kappa), sse = 0;
        for (int i = 0; i < n.length; i++) {
            double e = x[i] - lambda * shape(n[i], sigma, kappa);
            sse += e * e;
        }
        return sse;
    }

    /**
     * The {@code (σ, κ) ≥ 0} of least squared error in X: the best of the linear form's
     * {@code (sigma0, kappa0)} and a grid (0 and 1e-4 … 10 for σ, 0 and 1e-8 … 10 for κ, twelve
     * points a decade), then a pattern search from it, multiplying each by a factor that shrinks
     * from a twelfth of a decade, or setting it to 0.
     */
    private static double[] refine(int[] n, double[] x, double sigma0, double kappa0) {
        double bestS = Math.max(0, sigma0), bestK = Math.max(0, kappa0), best = errorInX(n, x, bestS, bestK);
        if (!Double.isFinite(best)) {
            bestS = bestK = 0;
            best = errorInX(n, x, 0, 0);
        }
        for (int i = -49; i <= 12; i++) {
            double sg = i == -49 ? 0 : Math.pow(10, i / 12.0);
            for (int j = -97; j <= 12; j++) {
                double kp = j == -97 ? 0 : Math.pow(10, j / 12.0);
                double e = errorInX(n, x, sg, kp);
                if (e < best) {
                    best = e;
                    bestS = sg;
                    bestK = kp;
                }
            }
        }
        for (double f = Math.pow(10, 1 / 12.0); f > 1 + 1e-12; f = Math.sqrt(f)) {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (double[] c : new double[][] {{bestS * f, bestK}, {bestS / f, bestK}, {bestS, bestK * f}, {bestS, bestK / f},
                        {0, bestK}, {bestS, 0}}) {
                    double e = errorInX(n, x, c[0], c[1]);
                    if (e < best * (1 - 1e-15)) {
                        best = e;
                        bestS = c[0];
                        bestK = c[1];
                        moved = true;
                    }
                }
            }
        }
        return new double[] {bestS, bestK};
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
