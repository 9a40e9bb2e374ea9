package org.anisocr.analysis.sky;

/** The emissivity fields' storage: ε[e][node] copied energy-fastest ([node][energy]) so that one sample reads short
 * runs of memory for all energies. */
final class EnergyFastest {
    private EnergyFastest() { }

    /**
     * @param emissivity ε[e][node]; each row must hold {@code nodes} values
     * @param nodes      the grid's node count
     * @return values[node * energies + e]
     */
    static double[] interleave(double[][] emissivity, int nodes) {
        int energies = emissivity.length;
        double[] values = new double[nodes * energies];
        for (int e = 0; e < energies; e++) {
            if (emissivity[e].length != nodes) {
                throw new IllegalArgumentException("emissivity " + e + " has " + emissivity[e].length
                        + " values, the grid " + nodes);
            }
            for (int n = 0; n < nodes; n++) {
                values[n * energies + e] = emissivity[e][n];
            }
        }
        return values;
    }
}
