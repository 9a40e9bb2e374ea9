#!/usr/bin/env python3
"""Independent evaluation of the Kafexhiu et al. 2014 (PRD 90, 123014; "K14") p p -> pi0 -> gamma cross-section at a
few (T_p, E_gamma) points, written separately from the Java implementation (org.anisocr.analysis.gamma) from the
paper's equations, to give PionDecayCrossSectionTest its reference numbers. Pythia 8 above 50 GeV, Geant4 below.
Run: python3 scripts/kafexhiu2014_reference.py"""
import math

MP, MPI = 0.938272, 0.134976
TTH = 2 * MPI + MPI ** 2 / (2 * MP)


def kin(T):
    s = 2 * MP * (T + 2 * MP)
    # pi0 of maximum LAB energy: emitted forward with the largest CM momentum (p p pi0 final state)
    e_cm = (s - 4 * MP ** 2 + MPI ** 2) / (2 * math.sqrt(s))
    p_cm = math.sqrt(e_cm ** 2 - MPI ** 2)
    g = (T + 2 * MP) / math.sqrt(s)
    bg = math.sqrt(g * g - 1)  # gamma*beta of the CM frame
    e_pi = g * e_cm + bg * p_cm
    p_pi = math.sqrt(e_pi ** 2 - MPI ** 2)
    eg_max = 0.5 * (e_pi + p_pi)  # forward photon of that pi0
    return s, e_pi, eg_max


def sig_inel(T):
    if T <= TTH:
        return 0.0
    L = math.log(T / TTH)
    return (30.7 - 0.96 * L + 0.18 * L * L) * (1 - (TTH / T) ** 1.9) ** 3


def sig_pi(T):
    s, _, _ = kin(T)
    if T < 2:
        M, W = 1.1883, 0.2264
        gam = math.sqrt(M * M * (M * M + W * W))
        K = math.sqrt(8) * M * W * gam / (math.pi * math.sqrt(M * M + gam))
        fbw = MP * K / (((math.sqrt(s) - MP) ** 2 - M * M) ** 2 + M * M * W * W)
        eta = math.sqrt((s - MPI ** 2 - 4 * MP ** 2) ** 2 - 16 * MPI ** 2 * MP ** 2) / (2 * MPI * math.sqrt(s))
        s1 = 7.66e-3 * eta ** 1.95 * (1 + eta + eta ** 5) * fbw ** 1.86
        s2 = 5.7 / (1 + math.exp(-9.3 * (T - 1.4))) if T >= 0.56 else 0.0
        return s1 + s2
    if T < 5:
        Q = (T - TTH) / MP
        n = -6e-3 + 0.237 * Q - 0.023 * Q * Q
    else:
        a = (0.652, 0.0016, 0.488, 0.1928, 0.483) if T > 50 else (0.728, 0.596, 0.491, 0.2503, 0.117)
        xi = (T - 3) / MP
        n = a[0] * xi ** a[3] * (1 + math.exp(-a[1] * xi ** a[4])) * (1 - math.exp(-a[2] * xi ** 0.25))
    return sig_inel(T) * n


def amax(T):
    _, e_pi, _ = kin(T)
    if T < 1:
        return 5.9 * sig_pi(T) / e_pi
    b = (9.53, 0.52, 0.054) if T < 5 else ((9.06, 0.3795, 0.01105) if T > 50 else (9.13, 0.35, 9.7e-3))
    th = T / MP
    return b[0] * th ** (-b[1]) * math.exp(b[2] * math.log(th) ** 2) * sig_pi(T) / MP


def F(T, E):
    _, _, emax = kin(T)
    ymax = emax + MPI ** 2 / (4 * emax)
    y = E + MPI ** 2 / (4 * E)
    X = (y - MPI) / (ymax - MPI)
    if not (0 <= X < 1):
        return 0.0
    th = T / MP
    if T < 1:
        return (1 - X) ** (3.29 - 0.2 * th ** -1.5)
    if T > 50:
        return (1 - math.sqrt(X)) ** 4.0 / (1 + X / (3.5 * MPI / ymax))
    C = 3 * MPI / ymax
    if T <= 20:
        q = (T - 1) / MP
        mu = 1.25 * q ** 1.25 * math.exp(-1.25 * q)
        be, ga = (mu + 2.45, mu + 1.45) if T <= 4 else (1.5 * mu + 4.95, mu + 1.5)
        return (1 - X) ** be / (1 + X / C) ** ga
    return (1 - math.sqrt(X)) ** 4.2 / (1 + X / C)


def dsig(T, E):
    return amax(T) * F(T, E)


if __name__ == "__main__":
    print("T_th = %.6f GeV" % TTH)
    for T in (0.5, 1.5, 3.0, 10.0, 30.0, 100.0, 1000.0):
        print("T = %g: sigma_inel = %.10g mb, sigma_pi = %.10g mb, E_gamma_max = %.10g GeV" % (T, sig_inel(T), sig_pi(T), kin(T)[2]))
    for T, E in ((0.5, 0.1), (1.5, 0.3), (3.0, 1.0), (10.0, 1.0), (30.0, 3.0), (100.0, 10.0), (1000.0, 100.0), (1000.0, 10.0)):
        print("dsigma/dE(T = %g, E = %g) = %.10g mb/GeV" % (T, E, dsig(T, E)))
