"""HTTP edge: blueprints that load input with marshmallow, call one pipeline function and dump the result."""
