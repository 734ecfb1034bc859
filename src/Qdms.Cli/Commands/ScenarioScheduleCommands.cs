using System.CommandLine;
using Qdms.Contracts;

namespace Qdms.Cli.Commands;

/// <summary><c>scenario schedule|schedules|unschedule</c>: runs at an interval against a device or a group.</summary>
internal static class ScenarioScheduleCommands
{
    public static void AddTo(Command scenario, CliContext context)
    {
        var id = new Argument<long>("id") { Description = "Scenario id" };
        var every = new Option<int>("--every") { Description = "Interval in seconds (10 or more)", Required = true };
        var device = new Option<long?>("--device") { Description = "Device id" };
        var group = new Option<string?>("--group") { Description = "Device group (provision or update group)" };
        var schedule = new Command("schedule", "Run a scenario at an interval against a device or a group") { id, every, device, group };
        schedule.SetHandler(context, async (r, ct) =>
            Print(context, r, [await context.ClientFor(r).CreateScenarioScheduleAsync(r.GetValue(id), new CreateScenarioScheduleRequest(r.GetValue(every), r.GetValue(device), r.GetValue(group)), ct)]));

        var schedules = new Command("schedules", "List a scenario's schedules") { id };
        schedules.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).ListScenarioSchedulesAsync(r.GetValue(id), ct)));

        var scheduleId = new Argument<long>("schedule") { Description = "Schedule id" };
        var unschedule = new Command("unschedule", "Delete a schedule") { scheduleId };
        unschedule.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteScenarioScheduleAsync(r.GetValue(scheduleId), ct);
            context.Console.Profile.Out.Writer.WriteLine($"deleted schedule {r.GetValue(scheduleId)}");
        });

        scenario.Subcommands.Add(schedule);
        scenario.Subcommands.Add(schedules);
        scenario.Subcommands.Add(unschedule);
    }

    private static void Print(CliContext context, ParseResult r, IReadOnlyList<ScenarioScheduleDto> rows) =>
        Tables.Write(context, context.Json(r), rows, ("Id", s => s.Id), ("Scenario", s => s.ScenarioId), ("Device", s => s.DeviceId), ("Group", s => s.Group),
            ("Every (s)", s => s.IntervalSeconds), ("Next run", s => s.NextRunAt), ("By", s => s.CreatedBy));
}
