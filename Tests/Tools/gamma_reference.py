#!/usr/bin/env python3
"""Writes Fixtures/tests/gamma/quantiles.csv: scipy's Gamma quantiles, the independent values
GammaDistributionTests checks the hand-written inverse incomplete gamma function against.

    python3 Tests/Tools/gamma_reference.py     # needs scipy
"""
import csv, os, sys
from scipy.special import gammainc
from scipy.stats import gamma

shapes = [1e-4, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.5, 2.0, 3.7, 5.0, 10.0, 25.0,
          50.0, 100.0, 333.3, 1000.0, 12345.0, 1e5, 3e5, 1e6, 1e8]
probabilities = [1e-9, 1e-4, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.9999]
out = os.path.join(os.path.dirname(__file__), "..", "..", "Fixtures", "tests", "gamma", "quantiles.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["shape", "p", "quantile", "P_at_quantile"])
    for a in shapes:
        for p in probabilities:
            x = gamma.ppf(p, a)
            w.writerow([repr(a), repr(p), repr(float(x)), repr(float(gammainc(a, x)))])
print(f"wrote {out} (scipy {__import__('scipy').__version__})", file=sys.stderr)
