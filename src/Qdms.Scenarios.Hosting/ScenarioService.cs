using Qdms.Core.Audit;
using Qdms.Core.Errors;
using Qdms.Core.Paging;
using Qdms.Core.Scenarios;
using Qdms.Core.Security;
using Qdms.Core.Tenants;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Hosting;

/// <summary>
/// Stores, edits, copies ("save as") and validates scenarios. Operators edit, viewers read. Every stored text has passed
/// <see cref="ScenarioParser"/>: a bad one is refused with each problem's line and path.
/// </summary>
public sealed class ScenarioService(IScenarioStore store, ITenantStore tenants, DefaultTenant defaultTenant, AuditLog audit, TimeProvider time)
{
    /// <summary>The longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Parses <paramref name="text"/>; the problems (empty when valid) and the document.</summary>
    public static (ScenarioDocument? Document, IReadOnlyList<ScenarioProblem> Problems) Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, [new ScenarioProblem(new SourcePosition(0, 0, "text"), "the scenario text is empty")]);
        }

        try
        {
            return (ScenarioParser.Parse(text), []);
        }
        catch (ScenarioFormatException e)
        {
            return (null, e.Problems);
        }
    }

    /// <summary>Parses <paramref name="text"/> or throws a 400 naming every problem (field <c>text</c>); 413 past the size limit.</summary>
    public static ScenarioDocument ParseOrThrow(string? text)
    {
        if (text is { Length: > ScenarioParser.MaxTextLength })
        {
            throw new PayloadTooLargeException($"a scenario may be at most {ScenarioParser.MaxTextLength} characters; this one has {text.Length}.");
        }

        var (doc, problems) = Check(text);
        return doc ?? throw new ValidationException(new Dictionary<string, string[]> { ["text"] = problems.Select(p => p.ToString()).ToArray() });
    }

    public async Task<StoredScenario> CreateAsync(Caller caller, string? text, string? name, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var doc = ParseOrThrow(text);
        var n = CheckName(name ?? doc.Name);
        var tenant = caller.TenantForNew(tenantId, defaultTenant.Id);
        if (await tenants.GetAsync(tenant, ct) is null)
        {
            throw new ValidationException("tenantId", $"Tenant {tenant} does not exist.");
        }

        var now = time.GetUtcNow();
        var created = await store.CreateAsync(new StoredScenario(0, tenant, n, text!, 1, null, null, now, caller.Username, now, caller.Username), ct);
        await audit.RecordAsync(caller, "scenario.create", $"scenario/{created.Id}", tenant, n, ct);
        return created;
    }

    public async Task<StoredScenario> GetAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await store.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("scenario", id);
    }

    public async Task<Page<StoredScenario>> ListAsync(Caller caller, PageRequest page, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await store.ListAsync(caller.Scope, page, ct);
    }

    /// <summary>Replaces the text (the name stays); with <paramref name="revision"/>, only if nobody edited it since (409 otherwise).</summary>
    public async Task<StoredScenario> UpdateAsync(Caller caller, long id, string? text, int? revision, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        _ = ParseOrThrow(text);
        var current = await store.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("scenario", id);
        var expected = revision ?? current.Revision;
        if (!await store.UpdateTextAsync(id, caller.Scope, text!, expected, time.GetUtcNow(), caller.Username, ct))
        {
            throw new ConflictException($"scenario {id} is at revision {(await store.GetAsync(id, caller.Scope, ct))?.Revision}, not {expected}; reload it and edit again.");
        }

        await audit.RecordAsync(caller, "scenario.update", $"scenario/{id}", current.TenantId, $"revision {expected + 1}", ct);
        return await store.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("scenario", id);
    }

    /// <summary>Copies a scenario under a new name; the copy records the original's id and revision, the original is untouched.</summary>
    public async Task<StoredScenario> SaveAsAsync(Caller caller, long id, string? name, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var n = CheckName(name);
        var source = await store.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("scenario", id);
        var now = time.GetUtcNow();
        var copy = await store.CreateAsync(
            new StoredScenario(0, source.TenantId, n, source.Text, 1, source.Id, source.Revision, now, caller.Username, now, caller.Username), ct);
        await audit.RecordAsync(caller, "scenario.save-as", $"scenario/{copy.Id}", source.TenantId, $"{n} from scenario/{id} revision {source.Revision}", ct);
        return copy;
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var s = await store.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("scenario", id);
        await store.DeleteAsync(id, caller.Scope, ct);
        await audit.RecordAsync(caller, "scenario.delete", $"scenario/{id}", s.TenantId, s.Name, ct);
    }

    private static string CheckName(string? name)
    {
        var n = name?.Trim() ?? "";
        if (n.Length is 0 or > MaxNameLength || n.Any(char.IsControl))
        {
            throw new ValidationException("name", $"name must be 1 to {MaxNameLength} printable characters; got '{name}'.");
        }

        return n;
    }
}
