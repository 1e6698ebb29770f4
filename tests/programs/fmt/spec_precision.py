import_free = 1
for v in [3.14159265, 2.0, 1e-7, 123456789.123, 0.5, 1.5, 2.5]:
    print(f"{v:.0f}", f"{v:.3f}", f"{v:.2e}", f"{v:.3g}", f"{v:.10g}", f"{v:g}", f"{v}")
print(f"{'abcdef':.3}", f"{'abcdef':>8.2}", f"{'ab':.5}")
print(f"{10:.2f}", f"{7:.1e}", f"{100:g}", f"{2**60:e}")
