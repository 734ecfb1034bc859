namespace Qdms.Core.Engines;

/// <summary>
/// One key of an engine type's JSON config, for the API's <c>engine-types</c> listing and the CLI's <c>--set key=value</c>.
/// <see cref="Kind"/> is the JSON kind: <c>string</c>, <c>integer</c>, <c>boolean</c>, <c>object</c> or <c>array</c>.
/// A <see cref="Secret"/> field (a password, a key) is masked whenever an instance's config is shown.
/// </summary>
public sealed record EngineConfigField(string Name, string Kind, string Description, bool Secret = false);
