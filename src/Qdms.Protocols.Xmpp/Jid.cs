using System.Diagnostics.CodeAnalysis;

namespace Qdms.Protocols.Xmpp;

/// <summary>
/// A JID (RFC 7622): <c>[local@]domain[/resource]</c>. Parsed by its separators only; no stringprep/PRECIS, so
/// comparisons are ordinal with the local part and domain case-folded (enough for ASCII JIDs).
/// </summary>
public readonly record struct Jid(string? Local, string Domain, string? Resource)
{
    /// <summary>The JID without its resource.</summary>
    public Jid Bare => this with { Resource = null };

    /// <summary>True when the JID has a resource (a "full JID").</summary>
    public bool IsFull => Resource is not null;

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Jid Parse(string text) =>
        TryParse(text, out var jid) ? jid : throw new FormatException($"'{text}' is not a JID (local@domain/resource)");

    /// <summary>Parses <paramref name="text"/>: the domain must be non-empty; local part and resource, when present, too.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Jid jid)
    {
        jid = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 3071 || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var resource = slash >= 0 ? text[(slash + 1)..] : null;
        var rest = slash >= 0 ? text[..slash] : text;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var local = at >= 0 ? rest[..at] : null;
        var domain = at >= 0 ? rest[(at + 1)..] : rest;
        if (domain.Length == 0 || domain.Contains('@', StringComparison.Ordinal) || local is "" || resource is "")
        {
            return false;
        }

        jid = new Jid(local, domain, resource);
        return true;
    }

    /// <summary>Equality as servers route: local part and domain case-insensitive, resource exact.</summary>
    public bool Matches(Jid other) =>
        string.Equals(Local, other.Local, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Domain, other.Domain, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Resource, other.Resource, StringComparison.Ordinal);

    public override string ToString() => (Local is null ? "" : Local + "@") + Domain + (Resource is null ? "" : "/" + Resource);
}
