using System.CommandLine;
using Qdms.Contracts;

namespace Qdms.Cli.Commands;

/// <summary>
/// <c>cpe-auth device ID [--mode M] [--username U --password P]</c> and <c>cpe-auth tenant ID [--mode M]</c>: how TR-069 CPEs
/// authenticate (none, basic, digest, inherit). Without a change the current setting is shown; the password is never shown.
/// </summary>
public static class CpeAuthCommands
{
    public static Command Create(CliContext context)
    {
        var group = new Command("cpe-auth", "TR-069 CPE authentication: a device's or a tenant's mode, a device's credentials");
        var id = new Argument<long>("id") { Description = "Device id (cpe-auth device) or tenant id (cpe-auth tenant)" };
        var mode = new Option<string?>("--mode") { Description = "none, basic, digest, or inherit (the tenant's, else the engine's cpeAuth)" };
        var username = new Option<string?>("--username") { Description = "The user name the CPE signs in with" };
        var password = new Option<string?>("--password") { Description = "Its password (asked for when --username is given without it)" };

        var device = new Command("device", "Show or set a device's mode and credentials (Basic and Digest)") { id, mode, username, password };
        device.SetHandler(context, async (r, ct) =>
        {
            var client = context.ClientFor(r);
            DeviceCredentialsDto? credentials = null;
            if (r.GetValue(username) is { } user)
            {
                credentials = new DeviceCredentialsDto(user, r.GetValue(password) ?? context.Ask("CPE password:", "--password", secret: true));
            }

            var result = r.GetValue(mode) is null && credentials is null
                ? await client.GetCpeAuthAsync(r.GetValue(id), ct)
                : await client.PutCpeAuthAsync(r.GetValue(id), new CpeAuthRequest(r.GetValue(mode), credentials), ct);
            Tables.Write(context, context.Json(r), [result],
                ("Device", a => a.DeviceId), ("Tenant", a => a.TenantId), ("Mode", a => a.Mode), ("User", a => a.Username), ("Digest ready", a => a.DigestReady),
                ("Updated", a => a.UpdatedAt));
        });

        var tenantMode = new Option<string?>("--mode") { Description = "none, basic, digest, or inherit (each engine's cpeAuth)" };
        var tenant = new Command("tenant", "Show or set a tenant's mode (admins set)") { id, tenantMode };
        tenant.SetHandler(context, async (r, ct) =>
        {
            var client = context.ClientFor(r);
            var result = r.GetValue(tenantMode) is { } m
                ? await client.PutTenantCpeAuthAsync(r.GetValue(id), new TenantCpeAuthRequest(m), ct)
                : await client.GetTenantCpeAuthAsync(r.GetValue(id), ct);
            Tables.Write(context, context.Json(r), [result], ("Tenant", a => a.TenantId), ("Mode", a => a.Mode));
        });

        group.Subcommands.Add(device);
        group.Subcommands.Add(tenant);
        return group;
    }
}
