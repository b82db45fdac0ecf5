using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Shared.Csv;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Exchange;

/// <summary>
/// HTCDS 2.0 (Human Trafficking Case Data Standard) records of Ariadne's cases. Field names and picklist values are the standard's
/// (<c>shared/domain/standards/htcds-2.0-fields.tsv</c>); what the standard lacks (forced criminality, HTCDS issue #28; the person
/// being suspected of an offence; perpetrator data, issue #4) goes into clearly named <c>ext_</c> fields. The person fields
/// (<see cref="PersonFields"/>) are filled only when the export is personal and allowed for that case (<see cref="HtcdsExport"/>).
/// </summary>
public static class HtcdsRecord
{
    public static readonly IReadOnlyList<string> PersonFields =
        ["prs_FirstName", "prs_SecondName", "prs_Birthdate", "prs_Citizenship", "prs_PrimaryLanguage", "vic_AgeWhenTrafficked"];

    public static readonly IReadOnlyList<string> StandardFields =
    [
        "cas_Status", "cas_ReasonForCaseClosure", "cas_IncomingReferralDate", "vic_TraffickingStatus", "vic_TypeOfExploitation",
        "prs_Gender", .. PersonFields, "con_Consent",
    ];

    /// <summary>
    /// Extensions: <c>ext_RecordNumber</c> numbers the rows of one export (no reference that would link back to the case);
    /// <c>ext_ForcedCriminality</c> (EXP-CRIM); <c>ext_SuspectedOfOffence</c>, the person flagged as a suspected offender (R-TR-01,
    /// the non-punishment question); <c>ext_AgeGroup</c>, child or adult, which a de-personalised record keeps instead of the age;
    /// no perpetrator extension: a case holds no perpetrator (Ariadne keeps them in intelligence, which never travels with a case;
    /// ADR 0019).
    /// </summary>
    public static readonly IReadOnlyList<string> ExtensionFields = ["ext_RecordNumber", "ext_ForcedCriminality", "ext_SuspectedOfOffence", "ext_AgeGroup"];

    public static readonly IReadOnlyList<string> Fields = [.. StandardFields, .. ExtensionFields];

    /// <summary>HTCDS multiselect picklists separate their values with a semicolon (Salesforce's convention, which the standard follows).</summary>
    public const char MultiSeparator = ';';

    public static Dictionary<string, string?> From(Case c, int number, bool personal, bool consentToRecipient)
    {
        var forms = c.ExploitationForms.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var types = forms.Select(Exploitation).Distinct(StringComparer.Ordinal).ToList();
        var row = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["cas_Status"] = c.Stage switch
            {
                CaseStage.Closed => c.ClosureReason == CaseClosureReason.TransferredAbroad ? "ClosedReferred" : "Closed",
                CaseStage.Intake or CaseStage.Assessment or CaseStage.Reflection or CaseStage.NegativeDecision or CaseStage.Reconsideration
                    or CaseStage.Recovery => "Active",
            },
            // Long text in the standard; Ariadne's reason is a code, never what someone typed.
            ["cas_ReasonForCaseClosure"] = c.ClosureReason?.ToString(),
            ["cas_IncomingReferralDate"] = c.OpenedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["vic_TraffickingStatus"] = (c.Conclusive, c.Stage) switch
            {
                (DecisionResult.Positive, _) => "ActualVictimOfTrafficking",
                (DecisionResult.Negative, _) => "NotAVictimOfTrafficking",
                _ => "PossibleVictimOfTrafficking",
            },
            ["vic_TypeOfExploitation"] = types.Count == 0 ? null : string.Join(MultiSeparator, types),
            ["prs_Gender"] = c.Gender switch
            {
                "Female" => "Feminine",
                "Male" => "Masculine",
                "Other" => "NonConforming",
                _ => "NonSpecifiedUnknown",
            },
            ["con_Consent"] = consentToRecipient ? "true" : "false",
            ["ext_RecordNumber"] = number.ToString(CultureInfo.InvariantCulture),
            ["ext_ForcedCriminality"] = forms.Contains("EXP-CRIM") ? "true" : "false",
            ["ext_SuspectedOfOffence"] = c.SuspectedOffender ? "true" : "false",
            ["ext_AgeGroup"] = c.IsChild ? "minor" : c.AgeStatus == AgeStatus.ConfirmedAdult || c.ApproximateAge >= 18 ? "adult" : null,
        };
        if (personal)
        {
            var (first, second) = SplitName(c.PersonName);
            row["prs_FirstName"] = first;
            row["prs_SecondName"] = second;
            row["prs_Birthdate"] = c.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            row["prs_Citizenship"] = Countries.Alpha2(c.Nationality);
            row["prs_PrimaryLanguage"] = c.Language is { Length: 2 or 3 } l && l.All(char.IsAsciiLetter) ? l.ToLowerInvariant() : null;
            row["vic_AgeWhenTrafficked"] = CtdcExport.AgeAt(c.ApproximateAge, c.DateOfBirth, c.OpenedAt)?.ToString(CultureInfo.InvariantCulture);
        }
        return row;
    }

    /// <summary>The catalogue's forms of exploitation (§4.5) in the standard's picklist.</summary>
    public static string Exploitation(string code) => code switch
    {
        "EXP-SEX" => "SexualExploitation",
        "EXP-LAB" => "ForcedLabour",
        "EXP-BEG" => "ForcedBegging",
        "EXP-DOM" or "EXP-SLAV" => "Servitude",
        "EXP-MAR" => "ForcedMarriage",
        "EXP-ORG" => "OrganRemoval",
        // Forced criminality has no value in the standard: "Other", and ext_ForcedCriminality says which.
        _ => "Other",
    };

    private static (string? First, string? Second) SplitName(string? name)
    {
        var parts = name?.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length switch
        {
            0 => (null, null),
            1 => (null, parts[0]),
            _ => (parts[0], parts[1]),
        };
    }

    private static class Countries
    {
        public static string? Alpha2(string? country) => Organisations.Countries.Normalise(country) is { } c && c != Organisations.Countries.NotStated
            ? c
            : null;
    }
}

public enum HtcdsFormat
{
    Csv,
    Json,
}

/// <summary>An HTCDS export: de-personalised unless <see cref="PersonalData"/>, which needs a recipient and a reason.</summary>
public sealed record HtcdsExportRequest(string? Format, bool PersonalData, Guid? RecipientOrganisationId, string? Reason);

public sealed record HtcdsExportPlan(HtcdsFormat Format, bool Personal, Guid? Recipient, string? RecipientName, string? Reason);

/// <summary>
/// Streams the HTCDS records of the cases the user sees. Every case is weighed by <see cref="CaseAccess"/>, the same decision as the
/// case page: a case the user does not see is absent, and its person fields are filled only where the user sees the person's data
/// (<see cref="CaseView.Personal"/>), the person consented to the recipient receiving personal data, the role may export people
/// (<see cref="ExchangePermissions.MayExportPersonalData"/>), and a reason is given. The export is audited with its reason, its
/// recipient and how many records carried a person.
/// </summary>
public sealed class HtcdsExport(AriadneDbContext db, AuditTrail audit, JurisdictionProfile profile)
{
    public const int MaxReason = 1000;
    private const int Batch = 500;

    public async Task<(HtcdsExportPlan? Plan, Dictionary<string, string[]> Errors)> PlanAsync(ClaimsPrincipal user, HtcdsExportRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var format = (request.Format?.Trim().ToLowerInvariant() ?? "csv") switch
        {
            "csv" => HtcdsFormat.Csv,
            "json" => (HtcdsFormat?)HtcdsFormat.Json,
            _ => null,
        };
        if (format is null)
        {
            errors["format"] = ["The format is csv or json."];
        }
        string? recipientName = null;
        if (request.PersonalData)
        {
            if (!ExchangePermissions.MayExportPersonalData(user))
            {
                errors["personalData"] = ["Your role may export de-personalised records only."];
            }
            if (string.IsNullOrWhiteSpace(request.Reason))
            {
                errors["reason"] = ["Say why the person's data goes to the recipient: it is recorded."];
            }
            else if (request.Reason.Length > MaxReason)
            {
                errors["reason"] = [$"At most {MaxReason} characters."];
            }
            var recipient = request.RecipientOrganisationId is { } to
                ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == to && o.IsActive)
                : null;
            if (recipient is null)
            {
                errors["recipientOrganisationId"] = ["Choose the organisation of the directory that receives the records: consent is to it."];
            }
            recipientName = recipient?.Name;
        }
        return errors.Count > 0
            ? (null, errors)
            : (new HtcdsExportPlan(format!.Value, request.PersonalData, request.PersonalData ? request.RecipientOrganisationId : null,
                recipientName, request.Reason?.Trim()), errors);
    }

    public async Task<(int Records, int Personal)> WriteAsync(ClaimsPrincipal user, HtcdsExportPlan plan, Stream output, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var oversight = user.IsInRole(Roles.Coordinator);
        var query = db.Cases.AsNoTracking().Include(c => c.Participants).AsSplitQuery();
        if (!oversight)
        {
            query = query.Where(c => c.Participants.Any(p => p.OrganisationId == org));
        }
        var csv = plan.Format == HtcdsFormat.Csv ? CsvWriter.ForStream(output) : null;
        await using var json = plan.Format == HtcdsFormat.Json ? new Utf8JsonWriter(output) : null;
        csv?.WriteRow(HtcdsRecord.Fields);
        json?.WriteStartArray();
        var (records, personal) = (0, 0);
        Guid? after = null;
        while (true)
        {
            var page = await query.Where(c => after == null || c.Id.CompareTo(after.Value) > 0).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }
            after = page[^1].Id;
            var ids = page.Select(c => c.Id).ToList();
            var consents = (await db.Consents.AsNoTracking().Where(x => ids.Contains(x.CaseId)).ToListAsync(ct)).ToLookup(x => x.CaseId);
            var pending = (await db.Handovers.AsNoTracking().Where(h => h.Status == HandoverStatus.Pending && ids.Contains(h.CaseId))
                    .Select(h => new { h.CaseId, h.ToOrganisationId }).ToListAsync(ct))
                .GroupBy(h => h.CaseId).ToDictionary(g => g.Key, g => (Guid?)g.First().ToOrganisationId);
            foreach (var c in page)
            {
                var access = CaseAccess.For(user, c, consents[c.Id], profile, pending.GetValueOrDefault(c.Id));
                if (!access.SeesCase)
                {
                    continue;
                }
                var consent = plan.Recipient is { } recipient && consents[c.Id].Any(x =>
                    x.IsActive && x.Purpose == ConsentPurpose.PersonalData && x.RecipientOrganisationId == recipient);
                var withPerson = plan.Personal && access.SeesPersonalData && consent;
                var row = HtcdsRecord.From(c, ++records, withPerson, consent);
                personal += withPerson ? 1 : 0;
                if (csv is not null)
                {
                    await csv.WriteRowAsync(HtcdsRecord.Fields.Select(f => row.GetValueOrDefault(f)), ct);
                }
                if (json is not null)
                {
                    json.WriteStartObject();
                    foreach (var field in HtcdsRecord.Fields)
                    {
                        if (row.GetValueOrDefault(field) is { } value)
                        {
                            json.WriteString(field, value);
                        }
                    }
                    json.WriteEndObject();
                    if (records % 1000 == 0)
                    {
                        await json.FlushAsync(ct);
                    }
                }
            }
        }
        json?.WriteEndArray();
        if (json is not null)
        {
            await json.FlushAsync(ct);
        }
        if (csv is not null)
        {
            await csv.FlushAsync(ct);
        }
        await audit.RecordAsync(db, ExchangeAuditActions.HtcdsExport, ExchangeAuditActions.TargetType, plan.Recipient?.ToString(),
            reason: plan.Reason,
            details: $"HTCDS 2.0 {plan.Format.ToString().ToLowerInvariant()} export: {records} records" +
                     (plan.Personal ? $", {personal} with the person's data to {plan.RecipientName}" : ", de-personalised"),
            cancellationToken: ct);
        return (records, personal);
    }
}

/// <summary>Who may use which exchange (the roles behind the policies, and the one rule the policies cannot say).</summary>
public static class ExchangePermissions
{
    /// <summary>HTCDS records of cases: the national coordinator (oversight), the units that own cases and the guardians.</summary>
    public static readonly string[] CaseExportRoles = [Roles.Coordinator, Roles.Investigator, Roles.Guardian];

    /// <summary>CTDC export and import of reference figures: national statistics are the coordinator's (ACT-21).</summary>
    public static readonly string[] StatisticsRoles = [Roles.Coordinator];

    /// <summary>
    /// Person fields leave Ariadne only with those who work with the person: the owning unit's investigator or the child's guardian.
    /// The coordinator oversees de-personalised cases and never exports a person.
    /// </summary>
    public static bool MayExportPersonalData(ClaimsPrincipal user) => user.IsInRole(Roles.Investigator) || user.IsInRole(Roles.Guardian);
}
