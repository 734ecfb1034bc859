using System.CommandLine;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>users list|add|set|passwd|remove</c>.</summary>
public static class UserCommands
{
    public static Command Create(CliContext context)
    {
        var users = new Command("users", "Manage users (admins: their tenant; sysops: all)");

        var list = new Command("list", "List users");
        list.SetHandler(context, async (r, ct) =>
        {
            var rows = await context.ClientFor(r).ListUsersAsync(ct);
            Tables.Write(context, context.Json(r), rows,
                ("Id", u => u.Id), ("User", u => u.Username), ("Role", u => u.Role), ("Tenant", u => u.TenantId), ("Disabled", u => u.Disabled), ("Created", u => u.CreatedAt));
        });

        var name = new Argument<string>("username");
        var role = new Option<string>("--role") { Description = "sysop, admin, operator or viewer", DefaultValueFactory = _ => "operator" };
        var tenant = new Option<long?>("--tenant") { Description = "Tenant id (sysops only; admins create in their own)" };
        var password = new Option<string?>("--password") { Description = "Password (asked for when missing)" };
        var add = new Command("add", "Create a user") { name, role, tenant, password };
        add.SetHandler(context, async (r, ct) =>
        {
            var pass = r.GetValue(password) ?? context.Ask("Password:", "--password", secret: true);
            var user = await context.ClientFor(r).CreateUserAsync(new CreateUserRequest(r.GetValue(name)!, pass, r.GetValue(role)!, r.GetValue(tenant)), ct);
            Print(context, r, user);
        });

        var id = new Argument<long>("id");
        var setRole = new Option<string?>("--role") { Description = "New role" };
        var disabled = new Option<bool?>("--disabled") { Description = "true to disable (revokes its tokens), false to enable" };
        var set = new Command("set", "Change a user's role or disable it") { id, setRole, disabled };
        set.SetHandler(context, async (r, ct) =>
            Print(context, r, await context.ClientFor(r).UpdateUserAsync(r.GetValue(id), new UpdateUserRequest(r.GetValue(setRole), r.GetValue(disabled)), ct)));

        var current = new Option<string?>("--current") { Description = "Your current password (when changing your own)" };
        var newPassword = new Option<string?>("--new") { Description = "The new password (asked for when missing)" };
        var passwd = new Command("passwd", "Change a password (your own, or as admin another user's)") { id, current, newPassword };
        passwd.SetHandler(context, async (r, ct) =>
        {
            var next = r.GetValue(newPassword) ?? context.Ask("New password:", "--new", secret: true);
            await context.ClientFor(r).ChangePasswordAsync(r.GetValue(id), new ChangePasswordRequest(r.GetValue(current), next), ct);
            context.Console.MarkupLine("Password changed; the user's tokens were revoked.");
        });

        var remove = new Command("remove", "Delete a user") { id };
        remove.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteUserAsync(r.GetValue(id), ct);
            context.Console.MarkupLine($"User {r.GetValue(id)} deleted.");
        });

        users.Subcommands.Add(list);
        users.Subcommands.Add(add);
        users.Subcommands.Add(set);
        users.Subcommands.Add(passwd);
        users.Subcommands.Add(remove);
        return users;
    }

    private static void Print(CliContext context, ParseResult r, UserDto u) =>
        Tables.Write(context, context.Json(r), [u], ("Id", x => x.Id), ("User", x => x.Username), ("Role", x => x.Role), ("Tenant", x => x.TenantId), ("Disabled", x => x.Disabled));
}
