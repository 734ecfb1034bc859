using Qdms.Core.CpeAuth;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>What the tr069 engines need to authenticate CPEs: the CPE authentication store, the tenants, the secret box and the password verifier.</summary>
public sealed class CpeAuthServices(ICpeAuthStore store, ITenantStore tenants, SecretBox secrets, PasswordVerifier passwords)
{
    internal ICpeAuthStore Store => store;

    internal ITenantStore Tenants => tenants;

    internal SecretBox Secrets => secrets;

    internal PasswordVerifier Passwords => passwords;
}
