"""A small JSON Schema checker for the published schemas of the signed files (the project has
no runtime need for a JSON Schema library; the subset below is all the schemas use)."""

from __future__ import annotations

from typing import Any


def validate(value: Any, schema: dict[str, Any], defs: dict[str, Any], where: str) -> None:
    """The subset of JSON Schema the report schema uses: $ref, type, required, properties,
    additionalProperties false, items, enum, const, minimum."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        python = {"object": dict, "array": list, "string": str, "integer": int,
                  "boolean": bool, "null": type(None), "number": (int, float)}  # fmt: skip
        ok = any(
            isinstance(value, python[n])
            and not (n in ("integer", "number") and value is True)
            and not (n in ("integer", "number") and value is False)
            for n in names
        )
        assert ok, f"{where}: {value!r} is not {names}"
    if "const" in schema:
        assert value == schema["const"], where
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r}"
    if "minimum" in schema and isinstance(value, int):
        assert value >= schema["minimum"], where
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: missing {key}"
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(properties), f"{where}: {set(value) - set(properties)}"
        for key, item in value.items():
            if key in properties:
                validate(item, properties[key], defs, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            validate(item, schema["items"], defs, f"{where}[{index}]")
