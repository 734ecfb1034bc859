using System.CommandLine;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>login</c>, <c>logout</c>, <c>whoami</c>.</summary>
public static class LoginCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var user = new Option<string?>("--user", "-u") { Description = "User name (asked for when missing)" };
        var password = new Option<string?>("--password", "-p") { Description = "Password (default: $QDMS_PASSWORD, else asked for)" };
        var login = new Command("login", "Sign in and save the server and token for later commands");
        login.Options.Add(user);
        login.Options.Add(password);
        login.SetHandler(context, async (r, ct) =>
        {
            var name = r.GetValue(user) ?? context.Ask("User:", "--user");
            var pass = r.GetValue(password) ?? Environment.GetEnvironmentVariable("QDMS_PASSWORD")
                ?? context.Ask("Password:", "--password (or $QDMS_PASSWORD)", secret: true);
            var client = context.ClientFor(r, authenticated: false);
            var answer = await client.LoginAsync(name, pass, ct);
            var server = context.ServerOf(r);
            context.ConfigStore.Save(new CliConfig(server, answer.Token, answer.User.Username));
            if (context.Json(r))
            {
                context.WriteJson(new { server, answer.User, answer.ExpiresAt });
            }
            else
            {
                context.Console.MarkupLine(
                    $"Signed in to [bold]{Markup.Escape(server)}[/] as [bold]{Markup.Escape(answer.User.Username)}[/] ({answer.User.Role}); token saved in {Markup.Escape(context.ConfigStore.Path)}.");
            }
        });

        var logout = new Command("logout", "Revoke the saved token and forget it");
        logout.SetHandler(context, async (r, ct) =>
        {
            var saved = context.ConfigStore.Load();
            if (saved.Token is not null)
            {
                await context.ClientFor(r).LogoutAsync(ct);
            }

            context.ConfigStore.Save(saved with { Token = null });
            context.Console.MarkupLine("Signed out.");
        });

        var whoami = new Command("whoami", "Show the signed-in user");
        whoami.SetHandler(context, async (r, ct) =>
        {
            var me = await context.ClientFor(r).MeAsync(ct);
            if (context.Json(r))
            {
                context.WriteJson(me);
            }
            else
            {
                context.Console.MarkupLine($"{Markup.Escape(me.Username)} ({me.Role}, tenant {Tables.Format(me.TenantId) switch { "" => "all", var t => t }}) at {Markup.Escape(context.ServerOf(r))}");
            }
        });
        return [login, logout, whoami];
    }
}
