"""Staff roles live in roles.py; this module lets Django send post_migrate to the app."""
