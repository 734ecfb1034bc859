using Qdms.Core.Scenarios;
using Qdms.Scenarios.Running;

namespace Qdms.Scenarios.Hosting;

/// <summary>A run executing on this node: its record, its controls, its live feed and the task that ends with it.</summary>
internal sealed record ActiveRun(ScenarioRunRecord Record, RunControl Control, RunFeed Feed)
{
    public Task Completion { get; set; } = Task.CompletedTask;
}
