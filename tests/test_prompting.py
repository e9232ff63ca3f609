from extractor.prompting import load_prompt, prompt_hash, render_user


def test_prompts_ship_as_package_data() -> None:
    system = load_prompt("extract_system")
    assert "15.325" in system and "verbatim" in system.lower()
    assert "{text}" in load_prompt("extract_user")


def test_render_inserts_the_article_once() -> None:
    out = render_user("Bài báo {x} có 15.325 người")
    assert out.count("Bài báo {x} có 15.325 người") == 1 and "{text}" not in out


def test_hash_is_the_content_version() -> None:
    h = prompt_hash("extract_system", "extract_user")
    assert len(h) == 16 and h == prompt_hash("extract_system", "extract_user")
    assert h != prompt_hash("extract_user", "extract_system")


def test_system_prompt_conventions_come_from_the_lexicon() -> None:
    from extractor import vi

    system = load_prompt("extract_system")
    assert "[[" not in system
    for word in vi.phrase_map("scale_words"):
        assert word in system
    for phrase in vi.phrase_map("qualifiers"):
        assert phrase in system
    for word in vi.entry("plan.plan_words"):
        assert f'"{word}"' in system
    assert '"cửa hàng"' in system and '"người lao động" -> "người"' in system
