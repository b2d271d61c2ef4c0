"""A package, so that pytest names conftest.py here drills.conftest: `conftest` stays the
project's root one, whose require() the drills use."""
