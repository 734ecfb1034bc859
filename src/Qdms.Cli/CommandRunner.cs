using System.CommandLine;
using Qdms.Client;
using Spectre.Console;

namespace Qdms.Cli;

/// <summary>Runs a command's body and turns API and connection errors into one clear line and an exit code.</summary>
public static class CommandRunner
{
    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (result, ct) =>
        {
            try
            {
                return await body(result, ct);
            }
            catch (QdmsApiException e)
            {
                context.Console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)} [grey](HTTP {e.Status} {Markup.Escape(e.Title)})[/]");
                if (e.Errors is not null)
                {
                    foreach (var (field, messages) in e.Errors)
                    {
                        context.Console.MarkupLine($"  [grey]{Markup.Escape(field)}:[/] {Markup.Escape(string.Join(" ", messages))}");
                    }
                }

                return e.Status is 401 or 403 ? 3 : 1;
            }
            catch (CliException e)
            {
                context.Console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 1;
            }
            catch (HttpRequestException e)
            {
                context.Console.MarkupLine($"[red]error:[/] cannot reach {Markup.Escape(context.ServerOf(result))}: {Markup.Escape(e.Message)}");
                return 4;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a local file that cannot be read or written, or a connection cut while an answer streams
                context.Console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 1;
            }
        });

    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task> body) =>
        command.SetHandler(context, async (result, ct) =>
        {
            await body(result, ct);
            return 0;
        });
}
