from pathlib import Path

import pytest

from extractor.errors import ConfigError
from extractor.settings import LOCAL_MODEL_NAME, Settings


def test_defaults_are_offline_rules(tmp_path: Path) -> None:
    s = Settings.from_env({"XDG_CACHE_HOME": str(tmp_path)})
    assert not s.endpoint_configured
    assert s.resolved_strategy == "rules"
    assert s.resolved_model == LOCAL_MODEL_NAME
    assert s.cache_dir == tmp_path / "extractor"
    assert s.use_cache


def test_endpoint_switches_to_direct() -> None:
    s = Settings.from_env({"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "EXTRACTOR_MODEL": "m"})
    assert s.endpoint_configured
    assert s.resolved_strategy == "direct"
    assert s.resolved_model == "m"


def test_env_values_are_parsed(tmp_path: Path) -> None:
    s = Settings.from_env(
        {
            "OPENAI_API_KEY": "sk-test-abcdef",
            "EXTRACTOR_STRATEGY": "guided",
            "EXTRACTOR_MODE": "json_object",
            "EXTRACTOR_CACHE_DIR": str(tmp_path),
            "EXTRACTOR_NO_CACHE": "1",
            "EXTRACTOR_MAX_REASKS": "3",
            "EXTRACTOR_TIMEOUT": "5.5",
        }
    )
    assert (s.strategy, s.mode, s.cache_dir, s.use_cache) == (
        "guided",
        "json_object",
        tmp_path,
        False,
    )
    assert (s.max_reasks, s.timeout) == (3, 5.5)


def test_api_key_is_not_in_repr() -> None:
    s = Settings.from_env({"OPENAI_API_KEY": "sk-test-SECRET-999"})
    assert "SECRET" not in repr(s)


@pytest.mark.parametrize(
    "env",
    [
        {"EXTRACTOR_STRATEGY": "magic"},
        {"EXTRACTOR_MODE": "xml"},
        {"EXTRACTOR_MAX_REASKS": "two"},
        {"EXTRACTOR_MAX_RETRIES": "-1"},
    ],
)
def test_bad_values_raise_config_error(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env(env)


def test_overrides_validate_and_ignore_none() -> None:
    s = Settings().with_overrides(strategy="direct", model=None)
    assert s.strategy == "direct" and s.model is None
    with pytest.raises(ConfigError):
        Settings().with_overrides(strategy="nope")
    with pytest.raises(ConfigError):
        Settings().with_overrides(colour="blue")
