using System.CommandLine;
using System.Text.Json;
using Qdms.Client;
using Spectre.Console;

namespace Qdms.Cli;

/// <summary>What a command needs: the console, the saved config and a client for the chosen server.</summary>
public sealed class CliContext(GlobalOptions globals, IAnsiConsole console, CliConfigStore configStore)
{
    public const string DefaultServer = "http://127.0.0.1:8080";

    public GlobalOptions Globals { get; } = globals;

    public IAnsiConsole Console { get; } = console;

    public CliConfigStore ConfigStore { get; } = configStore;

    /// <summary>Test hook: when set, clients are built on this handler instead of a socket.</summary>
    public HttpMessageHandler? Handler { get; set; }

    public string ServerOf(ParseResult result) =>
        result.GetValue(Globals.Server)
        ?? Environment.GetEnvironmentVariable("QDMS_URL")
        ?? ConfigStore.Load().Server
        ?? DefaultServer;

    public QdmsClient ClientFor(ParseResult result, bool authenticated = true)
    {
        var server = ServerOf(result).TrimEnd('/') + "/";
        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new CliException($"The server URL '{ServerOf(result)}' is not an http:// or https:// URL (set it with --server, $QDMS_URL or `qdms login`).");
        }

        var http = Handler is null ? new HttpClient() : new HttpClient(Handler, disposeHandler: false);
        http.BaseAddress = baseAddress;
        http.Timeout = Timeout.InfiniteTimeSpan;
        var client = new QdmsClient(http);
        if (authenticated)
        {
            var token = result.GetValue(Globals.Token) ?? Environment.GetEnvironmentVariable("QDMS_TOKEN") ?? ConfigStore.Load().Token;
            if (string.IsNullOrEmpty(token))
            {
                throw new CliException($"Not signed in: run `qdms login` (or pass --token / set QDMS_TOKEN). Server: {server}");
            }

            client.UseToken(token);
        }

        return client;
    }

    public bool Json(ParseResult result) => result.GetValue(Globals.Json);

    /// <summary>
    /// Asks for a value the user left out; without a terminal to ask on (a script, a pipe) it fails with a line naming
    /// <paramref name="option"/> instead.
    /// </summary>
    public string Ask(string prompt, string option, bool secret = false)
    {
        if (!Console.Profile.Capabilities.Interactive)
        {
            throw new CliException($"{option} is required when there is no terminal to ask on.");
        }

        var question = new TextPrompt<string>(prompt);
        return Console.Prompt(secret ? question.Secret() : question);
    }

    /// <summary>Prints <paramref name="value"/> as indented JSON.</summary>
    public void WriteJson<T>(T value) =>
        Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, new JsonSerializerOptions(QdmsClient.Json) { WriteIndented = true }));
}

/// <summary>A failure the CLI reports as one line and exit code 1, without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
