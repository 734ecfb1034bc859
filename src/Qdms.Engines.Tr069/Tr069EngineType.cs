using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Core.Engines;

namespace Qdms.Engines.Tr069;

/// <summary>
/// The <c>tr069</c> engine type: a TR-069 ACS (CWMP 1.0–1.4 over HTTP). Each engine hosts its own Kestrel server on the
/// configured address and port, runs CWMP sessions, keeps the inventory up to date from Informs and turns queued tasks into RPCs.
/// </summary>
public sealed class Tr069EngineType(Tr069Services services) : IDmEngineType
{
    public string Name => "tr069";

    public string Description => "TR-069 ACS: CWMP sessions over HTTP, device inventory from Informs, tasks as RPCs.";

    public IReadOnlyList<EngineConfigField> ConfigFields { get; } =
    [
        new("address", "string", "IP address to listen on"),
        new("port", "integer", "TCP port to listen on (7547); 0 picks a free one (shown in the status as boundPort)"),
        new("sessionTimeoutSeconds", "integer", "seconds of silence after which a CWMP session is dropped"),
        new("maxBodyBytes", "integer", "largest request body accepted; a larger one is answered 413"),
        new("fileBaseUrl", "string", "base URL CPEs fetch repository files under; empty: Qdms:Files:PublicBaseUrl"),
        new("xmppServer", "string", "XMPP server for connection requests (TR-069 Annex K), host:port; empty: XMPP off"),
        new("xmppJid", "string", "the ACS's XMPP account, user@domain"),
        new("xmppPassword", "string", "the ACS's XMPP password (stored with the engine config as given; masked when shown)", Secret: true),
        new("xmppAllowPlain", "boolean", "allow an unencrypted XMPP stream and SASL PLAIN over it (lab servers only)"),
        new("xmppTlsThumbprint", "string", "XMPP server certificate SHA-1 thumbprint or SHA-256 hash to accept even if it does not validate"),
        new("cpeAuth", "string", "how CPEs authenticate: none, basic or digest (default); a tenant's or device's own mode wins"),
        new("tenant", "string", "the tenant new CPEs go to when no credentials place them; empty: the default tenant"),
        new("nonceLifetimeSeconds", "integer", "seconds a Digest nonce lives before a CPE is challenged again with stale=true"),
        new("certificatePath", "string", "PEM or PFX certificate: the port speaks HTTPS; empty: HTTP"),
        new("certificateKeyPath", "string", "PEM private key of certificatePath; empty: in the certificate file"),
        new("certificatePassword", "string", "password of the PFX or of an encrypted PEM key", Secret: true),
        new("connectionRequestUsername", "string", "user name connection requests authenticate with (the CPEs' ConnectionRequestUsername)"),
        new("connectionRequestPassword", "string", "password connection requests authenticate with (the CPEs' ConnectionRequestPassword)", Secret: true),
        new("connectionRequestAllowBasic", "boolean", "send HTTP Basic to a CPE that offers no Digest (false: refuse)"),
        new("connectionRequestTimeoutSeconds", "integer", "seconds to wait for a CPE to answer a connection request (1-60)"),
        new("connectionRequestAllowedNetworks", "array", "CIDR networks ConnectionRequestURLs may point into; [] allows any"),
        new("holdRequests", "boolean", "true: the ACS sends HoldRequests with the InformResponse and its RPCs, so queued tasks run before the CPE's own requests"),
        new("downloadTimeoutSeconds", "integer", "seconds a Download or Upload the CPE accepted may go without TransferComplete before its task fails (timeout)"),
        new("maxSessions", "integer", "live sessions beyond which a new one is answered 503 with Retry-After (overload shedding)"),
        new("maxInformsInFlight", "integer", "Informs being started at once (database work before the InformResponse) beyond which a new session is answered 503"),
    ];

    public JsonObject DefaultConfig() => new()
    {
        ["address"] = Tr069Config.DefaultAddress,
        ["port"] = Tr069Config.DefaultPort,
        ["sessionTimeoutSeconds"] = Tr069Config.DefaultSessionTimeoutSeconds,
        ["maxBodyBytes"] = Tr069Config.DefaultMaxBodyBytes,
        ["fileBaseUrl"] = "",
        ["xmppServer"] = "",
        ["xmppJid"] = "",
        ["xmppPassword"] = "",
        ["xmppAllowPlain"] = false,
        ["xmppTlsThumbprint"] = "",
        ["cpeAuth"] = "digest",
        ["tenant"] = "",
        ["nonceLifetimeSeconds"] = Auth.CpeAuthConfig.DefaultNonceLifetimeSeconds,
        ["certificatePath"] = "",
        ["certificateKeyPath"] = "",
        ["certificatePassword"] = "",
        ["connectionRequestUsername"] = "",
        ["connectionRequestPassword"] = "",
        ["connectionRequestAllowBasic"] = false,
        ["connectionRequestTimeoutSeconds"] = ConnectionRequests.ConnectionRequestOptions.DefaultTimeoutSeconds,
        ["connectionRequestAllowedNetworks"] = new JsonArray(),
        ["downloadTimeoutSeconds"] = Tr069Config.DefaultDownloadTimeoutSeconds,
        ["holdRequests"] = false,
        ["maxSessions"] = Tr069Config.DefaultMaxSessions,
        ["maxInformsInFlight"] = Tr069Config.DefaultMaxInformsInFlight,
    };

    public IReadOnlyList<string> Validate(JsonElement config)
    {
        var problems = new List<string>();
        Tr069Config.TryRead(config, problems);
        return problems;
    }

    public IDmEngine Create(EngineCreation creation)
    {
        var problems = new List<string>();
        var config = Tr069Config.TryRead(creation.Config, problems)
            ?? throw new InvalidOperationException($"Invalid tr069 engine config: {string.Join("; ", problems)}");
        return new Tr069Engine(config, services, $"{creation.Alias}#{creation.Index}");
    }
}
