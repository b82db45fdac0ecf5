using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// Encryption at rest for what must not be readable from a database copy: statements and documents (§6.6)
/// and shelter addresses (V-01). ASP.NET Core Data Protection (authenticated encryption, rotating keys kept
/// outside the database, ADR 0006); each kind of content has its own purpose, so one cannot be decrypted as another.
/// </summary>
public sealed class CaseProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _documents = provider.CreateProtector("Ariadne.Cases.Documents.v1");
    private readonly IDataProtector _shelterAddresses = provider.CreateProtector("Ariadne.Support.ShelterAddresses.v1");

    public byte[] ProtectDocument(string text) => _documents.Protect(Encoding.UTF8.GetBytes(text));
    public string UnprotectDocument(byte[] cipher) => Encoding.UTF8.GetString(_documents.Unprotect(cipher));
    public byte[] ProtectAddress(string address) => _shelterAddresses.Protect(Encoding.UTF8.GetBytes(address));
    public string UnprotectAddress(byte[] cipher) => Encoding.UTF8.GetString(_shelterAddresses.Unprotect(cipher));
}
