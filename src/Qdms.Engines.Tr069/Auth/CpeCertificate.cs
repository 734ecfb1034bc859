namespace Qdms.Engines.Tr069.Auth;

/// <summary>
/// The certificate an ACS port speaks HTTPS with: a PFX/PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) or a PEM certificate with its key
/// (in <see cref="KeyPath"/>, or in the same file when that is empty), the PFX or encrypted PEM key opened with <see cref="Password"/>.
/// <see cref="ToString"/> leaves the password out, so the config can be printed.
/// </summary>
internal sealed record CpeCertificate(string Path, string KeyPath, string Password)
{
    public override string ToString() => $"{nameof(CpeCertificate)} {{ Path = {Path}, KeyPath = {KeyPath}, Password = {(Password.Length > 0 ? "(set)" : "(none)")} }}";
}
