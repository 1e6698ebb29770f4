class ConfigurationProblem(Exception):
    pass
def load(settings):
    for k, v in settings.items():
        print("setting", k, "=", v)
        if v is None:
            raise ConfigurationProblem("missing value for " + k)
load({"host": "localhost", "port": 8080})
load({"user": "root", "password": None, "never": 1})
