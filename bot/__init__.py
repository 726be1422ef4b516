"""The application: config, pipeline, incidents and alert rules, scheduler, delivery, daemon, CLI.

The only package that imports the others (watchers, classifiers, storage).
"""
