using System.CommandLine;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>tokens list|create|revoke</c>: the signed-in user's API tokens for scripts.</summary>
public static class TokenCommands
{
    public static Command Create(CliContext context)
    {
        var tokens = new Command("tokens", "Your API tokens for scripts");
        var list = new Command("list", "List your tokens");
        list.SetHandler(context, async (r, ct) =>
            Tables.Write(context, context.Json(r), await context.ClientFor(r).ListTokensAsync(ct),
                ("Id", t => t.Id), ("Name", t => t.Name), ("Kind", t => t.Kind), ("Created", t => t.CreatedAt), ("Expires", t => t.ExpiresAt), ("Last used", t => t.LastUsedAt)));

        var name = new Argument<string>("name");
        var days = new Option<double?>("--expires-in-days") { Description = "Lifetime in days (default: never expires)" };
        var create = new Command("create", "Create a token; its secret is shown once") { name, days };
        create.SetHandler(context, async (r, ct) =>
        {
            var created = await context.ClientFor(r).CreateTokenAsync(new CreateTokenRequest(r.GetValue(name)!, r.GetValue(days)), ct);
            if (context.Json(r))
            {
                context.WriteJson(created);
            }
            else
            {
                context.Console.MarkupLine($"Token {created.Info.Id} '{Markup.Escape(created.Info.Name)}' created. Keep this secret; it is not shown again:");
                context.Console.Profile.Out.Writer.WriteLine(created.Token);
            }
        });

        var id = new Argument<long>("id");
        var revoke = new Command("revoke", "Revoke a token") { id };
        revoke.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).RevokeTokenAsync(r.GetValue(id), ct);
            context.Console.MarkupLine($"Token {r.GetValue(id)} revoked.");
        });
        tokens.Subcommands.Add(list);
        tokens.Subcommands.Add(create);
        tokens.Subcommands.Add(revoke);
        return tokens;
    }
}
