using Microsoft.Extensions.Logging.Abstractions;
using Qdms.Core.Audit;
using Qdms.Core.Engines;
using Qdms.Core.Security;

namespace Qdms.Core.Tests.Engines;

/// <summary>A manager over the fake engine type, an in-memory store and audit log, and a hand-moved clock.</summary>
internal sealed class EngineManagerFixture
{
    public static readonly Caller Sysop = new(1, "root", Role.Sysop, null);

    public EngineManagerFixture(params IQdmsServiceComponent[] components)
    {
        Manager = new EngineManager(Store, new EngineTypeRegistry([Type]), components, new AuditLog(Audit, Time), Time, NullLogger<EngineManager>.Instance);
    }

    public FakeEngineType Type { get; } = new();

    public InMemoryEngineInstanceStore Store { get; } = new();

    public InMemoryAuditStore Audit { get; } = new();

    public ManualTime Time { get; } = new(DateTimeOffset.Parse("2026-11-22T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public EngineManager Manager { get; }

    /// <summary>A started service with <paramref name="aliases"/> added (stopped).</summary>
    public async Task<EngineManagerFixture> WithAsync(params string[] aliases)
    {
        await Manager.InitializeAsync(CancellationToken.None);
        foreach (var alias in aliases)
        {
            await Manager.AddAsync(Sysop, "fake", alias, null, CancellationToken.None);
        }

        return this;
    }

    public async Task<EngineState> StateAsync(int index) =>
        (await Manager.QueryAsync(Sysop, "fake", index, CancellationToken.None)).Status.State;
}
