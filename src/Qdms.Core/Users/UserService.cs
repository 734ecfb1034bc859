using Microsoft.Extensions.Options;
using Qdms.Core.Audit;
using Qdms.Core.Auth;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Core.Users;

/// <summary>Users and their rights. Admins manage the users of their own tenant; only a sysop makes sysops.</summary>
public sealed class UserService(IUserStore users, ITokenStore tokens, ITenantStore tenants, PasswordVerifier passwords, AuditLog audit, IOptions<AuthOptions> options, TimeProvider time)
{
    public Task<IReadOnlyList<User>> ListAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Admin);
        return users.ListAsync(caller.Scope, ct);
    }

    public async Task<User> GetAsync(Caller caller, long id, CancellationToken ct)
    {
        if (id != caller.UserId)
        {
            caller.Require(Role.Admin);
        }

        return await users.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("user", id);
    }

    public async Task<User> CreateAsync(Caller caller, string username, string password, Role role, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Admin);
        ValidateUsername(username);
        ValidatePassword(password);
        if (role > caller.Role)
        {
            throw new ForbiddenException($"A {caller.Role.ToName()} cannot create a {role.ToName()}.");
        }

        long? tenant;
        if (role == Role.Sysop)
        {
            if (tenantId is not null)
            {
                throw new ValidationException("tenantId", "A sysop belongs to no tenant; leave tenantId out.");
            }

            tenant = null;
        }
        else
        {
            tenant = caller.Role == Role.Sysop
                ? tenantId ?? throw new ValidationException("tenantId", "tenantId is required for a user who is not a sysop.")
                : caller.TenantForNew(tenantId, 0);
            if (await tenants.GetAsync(tenant.Value, ct) is null)
            {
                throw new ValidationException("tenantId", $"Tenant {tenant} does not exist.");
            }
        }

        var user = await users.CreateAsync(username.Trim(), role, tenant, PasswordHasher.Hash(password, options.Value.PasswordIterations), time.GetUtcNow(), ct);
        await audit.RecordAsync(caller, "user.create", $"user/{user.Id}", tenant, $"{user.Username} as {role.ToName()}", ct);
        return user;
    }

    public async Task<User> UpdateAsync(Caller caller, long id, Role? role, bool? disabled, CancellationToken ct)
    {
        caller.Require(Role.Admin);
        var user = await users.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("user", id);
        if (user.Role > caller.Role || (role is { } r && r > caller.Role))
        {
            throw new ForbiddenException($"A {caller.Role.ToName()} cannot change a {user.Role.ToName()} or grant a higher role.");
        }

        if (role is { } newRole && (newRole == Role.Sysop) != (user.Role == Role.Sysop))
        {
            throw new ValidationException("role", "A user cannot move between sysop (no tenant) and a tenant role; create a new user instead.");
        }

        var updated = user with { Role = role ?? user.Role, Disabled = disabled ?? user.Disabled };
        await users.UpdateAsync(updated, ct);
        if (updated.Disabled)
        {
            await tokens.DeleteAllForUserAsync(id, ct);
        }

        await audit.RecordAsync(caller, "user.update", $"user/{id}", user.TenantId, $"role={updated.Role.ToName()} disabled={updated.Disabled}", ct);
        return updated;
    }

    /// <summary>Sets a new password. Users change their own (with the old one); admins reset others'. All the user's tokens are revoked.</summary>
    public async Task ChangePasswordAsync(Caller caller, long id, string? currentPassword, string newPassword, CancellationToken ct)
    {
        ValidatePassword(newPassword);
        var user = await users.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("user", id);
        if (id == caller.UserId)
        {
            if (currentPassword is null || !await passwords.VerifyAsync(currentPassword, user.PasswordHash, ct))
            {
                throw new AuthenticationException("The current password is wrong.");
            }
        }
        else
        {
            caller.Require(Role.Admin);
            if (user.Role > caller.Role)
            {
                throw new ForbiddenException($"A {caller.Role.ToName()} cannot reset a {user.Role.ToName()}'s password.");
            }
        }

        await users.UpdateAsync(user with { PasswordHash = PasswordHasher.Hash(newPassword, options.Value.PasswordIterations) }, ct);
        await tokens.DeleteAllForUserAsync(id, ct);
        await audit.RecordAsync(caller, "user.password", $"user/{id}", user.TenantId, null, ct);
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Admin);
        if (id == caller.UserId)
        {
            throw new ConflictException("A user cannot delete itself.");
        }

        var user = await users.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("user", id);
        if (user.Role > caller.Role)
        {
            throw new ForbiddenException($"A {caller.Role.ToName()} cannot delete a {user.Role.ToName()}.");
        }

        await tokens.DeleteAllForUserAsync(id, ct);
        await users.DeleteAsync(id, caller.Scope, ct);
        await audit.RecordAsync(caller, "user.delete", $"user/{id}", user.TenantId, user.Username, ct);
    }

    private static void ValidateUsername(string username)
    {
        var name = username.Trim();
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            throw new ValidationException("username", "username must be 2–64 characters of letters, digits, '.', '-', '_' or '@'.");
        }
    }

    private void ValidatePassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < options.Value.MinPasswordLength)
        {
            throw new ValidationException("password", $"password must be at least {options.Value.MinPasswordLength} characters.");
        }
    }
}
