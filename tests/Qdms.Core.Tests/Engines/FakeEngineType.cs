using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Core.Engines;

namespace Qdms.Core.Tests.Engines;

/// <summary>The <c>fake</c> engine type: config <c>{"size": 1–10, "password": "…"}</c>; behaviour set per alias by the test.</summary>
internal sealed class FakeEngineType : IDmEngineType
{
    public int Starts;
    public int Stops;

    public string Name => "fake";

    public string Description => "test double";

    public IReadOnlyList<EngineConfigField> ConfigFields { get; } =
        [new("size", "integer", "a number from 1 to 10"), new("password", "string", "a secret", Secret: true)];

    public ConcurrentDictionary<string, string> FailStartFor { get; } = new();

    public ConcurrentBag<string> HangFor { get; } = [];

    public ConcurrentBag<string> StatusThrowsFor { get; } = [];

    public ConcurrentBag<string> CreateThrowsFor { get; } = [];

    /// <summary>When set, every start waits for it.</summary>
    public TaskCompletionSource? StartGate { get; set; }

    public ConcurrentQueue<FakeEngine> Created { get; } = new();

    public JsonObject DefaultConfig() => new() { ["size"] = 3 };

    public IReadOnlyList<string> Validate(JsonElement config) =>
        config.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number && size.GetInt32() is >= 1 and <= 10
            ? []
            : ["size must be a number from 1 to 10"];

    public IDmEngine Create(EngineCreation creation)
    {
        if (CreateThrowsFor.Contains(creation.Alias))
        {
            throw new InvalidOperationException("cannot create this one");
        }

        var engine = new FakeEngine(this, creation);
        Created.Enqueue(engine);
        return engine;
    }
}
