using Qdms.Contracts;
using Qdms.Core.Security;
using Qdms.Core.Users;

namespace Qdms.Server.Endpoints;

internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", async (Caller caller, UserService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(caller, ct)).Select(u => u.ToDto()).ToList()));

        users.MapGet("/{id:long}", async (long id, Caller caller, UserService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, id, ct)).ToDto()));

        users.MapPost("/", async (CreateUserRequest body, Caller caller, UserService service, CancellationToken ct) =>
        {
            var user = await service.CreateAsync(caller, body.Username, body.Password, RoleParsing.Parse(body.Role), body.TenantId, ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user.ToDto());
        });

        users.MapPatch("/{id:long}", async (long id, UpdateUserRequest body, Caller caller, UserService service, CancellationToken ct) =>
        {
            var role = body.Role is null ? (Role?)null : RoleParsing.Parse(body.Role);
            return TypedResults.Ok((await service.UpdateAsync(caller, id, role, body.Disabled, ct)).ToDto());
        });

        users.MapPost("/{id:long}/password", async (long id, ChangePasswordRequest body, Caller caller, UserService service, CancellationToken ct) =>
        {
            await service.ChangePasswordAsync(caller, id, body.CurrentPassword, body.NewPassword, ct);
            return TypedResults.NoContent();
        });

        users.MapDelete("/{id:long}", async (long id, Caller caller, UserService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
