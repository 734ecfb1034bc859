namespace Qdms.Core.Scenarios;

/// <summary>
/// A scenario as stored: its text exactly as written (YAML or JSON), a revision that rises with every edit, and — for a
/// copy made with "save as" — the scenario and revision it was derived from.
/// </summary>
public sealed record StoredScenario(
    long Id,
    long TenantId,
    string Name,
    string Text,
    int Revision,
    long? DerivedFromId,
    int? DerivedFromRevision,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
