import _random_checks

_random_checks.run(0)
