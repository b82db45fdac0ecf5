namespace Ariadne.Web.Features.Statistics;

public enum ChartKind
{
    /// <summary>Bars of the categories (or of the row totals of a two-way table).</summary>
    Bars,
    /// <summary>A trend over months.</summary>
    Trend,
    /// <summary>Decision times: the quartiles as a box, the day bands as bars.</summary>
    Durations,
}

/// <summary>
/// One published figure: what is counted, how, and over which date. The page shows <see cref="Definition"/> beside the
/// chart; the CSV and the API carry the same text, so a number never travels without what it means.
/// </summary>
public sealed record FigureDefinition(string Id, StatisticsSection Section, string Title, string Definition, string RowsLabel,
    string ColumnsLabel, ChartKind Chart, bool RegionApplies = true);

/// <summary>The catalogue of figures (issue 13 item 1): page, CSV and API read only this list.</summary>
public static class FigureCatalogue
{
    public static IReadOnlyList<FigureDefinition> All { get; } =
    [
        new("screenings-by-month", StatisticsSection.Screenings, "Completed screenings by month",
            "Screenings completed in the period, by the calendar month (UTC) they were completed. Drafts are not counted. "
            + "Region: the area of the screening officer's organisation.", "", "Month", ChartKind.Trend),
        new("screenings-by-channel", StatisticsSection.Screenings, "Completed screenings by intake channel",
            "Screenings completed in the period, by how the person came to notice (ENC codes; 'Not recorded' when left empty).",
            "", "Intake channel", ChartKind.Bars),
        new("screenings-by-gender-age", StatisticsSection.Screenings, "Presumed victims screened, by gender and age band",
            "Completed screenings in the period in which the officer declared the person a presumed victim, by gender and by age band "
            + "of the approximate age recorded (under 18, 18–24, 25–34, 35–49, 50 and over, unknown).",
            "Gender", "Age band", ChartKind.Bars),
        new("referrals-by-kind-and-type", StatisticsSection.Referrals, "Referrals by kind and referring organisation type",
            "Referrals sent in the period to the specialised unit or to the guardianship service, by the type of the referring "
            + "organisation. Region: the referring organisation's area.", "Referring organisation type", "Referred to", ChartKind.Bars),
        new("declined-referrals-by-month", StatisticsSection.Referrals, "Declined referrals (anonymous counts) by month",
            "Adults who declined to be referred, counted anonymously by the month of the encounter (no link to the person, the "
            + "officer or the screening exists, so no region either).", "", "Month", ChartKind.Trend, RegionApplies: false),
        new("declined-referrals-by-type", StatisticsSection.Referrals, "Declined referrals (anonymous counts) by reporting organisation type",
            "Anonymous counts of declined referrals in the period, by the type of the organisation that met the person.",
            "", "Reporting organisation type", ChartKind.Bars, RegionApplies: false),
        new("cases-by-stage-and-region", StatisticsSection.Cases, "Cases opened, by current stage and region",
            "Cases opened in the period, by the stage they are in now and the area of the organisation that owns them.",
            "Region", "Stage", ChartKind.Bars),
        new("cases-by-form", StatisticsSection.Cases, "Cases opened, by form of exploitation",
            "Cases opened in the period, by each form of exploitation recorded (EXP codes). A case with several forms counts once "
            + "under each, so the total counts mentions, not people.", "", "Form of exploitation", ChartKind.Bars),
        new("cases-by-gender-age", StatisticsSection.Cases, "Cases opened, by gender and age band",
            "Cases opened in the period, by the gender recorded and the age band of the approximate age at opening.",
            "Gender", "Age band", ChartKind.Bars),
        new("cases-by-citizenship", StatisticsSection.Cases, "Cases opened, by citizenship",
            "Cases opened in the period, by the citizenship recorded ('Not recorded' when empty).", "", "Citizenship", ChartKind.Bars),
        new("decisions", StatisticsSection.Cases, "Identification decisions",
            "Reasonable-grounds and conclusive decisions taken in the period, by result. The competent authority decides; "
            + "these count its decisions.", "Decision", "Result", ChartKind.Bars),
        new("time-to-decision", StatisticsSection.Cases, "Days from opening to the reasonable-grounds decision",
            "Reasonable-grounds decisions taken in the period: whole days from the opening of the case to the decision, in bands; "
            + "the median and quartiles are shown only when at least as many decisions as the threshold are counted.",
            "", "Days", ChartKind.Durations),
        new("reflection-periods", StatisticsSection.Cases, "Reflection periods started, by month",
            "Reflection and recovery periods that started in the period, by month of start.", "", "Month", ChartKind.Trend),
        new("outcomes", StatisticsSection.Cases, "Outcomes recorded",
            "Outcomes after the reflection period recorded in the period (OUT codes of the jurisdiction); a case may have several.",
            "", "Outcome", ChartKind.Bars),
        new("services", StatisticsSection.Services, "Support services proposed, by service and status",
            "Services proposed in the period (SVC and DLV codes), by their status now. Region: the area of the case owner.",
            "Service", "Status", ChartKind.Bars),
        new("children", StatisticsSection.Children, "Children's cases opened, by age status and guardian",
            "Cases opened in the period for a presumed or confirmed child, by age status and whether a guardian has been appointed.",
            "Age status", "Guardian", ChartKind.Bars),
        new("thematic-by-form", StatisticsSection.Thematic, "Released thematic intelligence, by form of exploitation",
            "Sanitised versions released in the period (never reports or drafts), by each form of exploitation they name; a version "
            + "naming several counts under each.", "", "Form of exploitation", ChartKind.Bars, RegionApplies: false),
    ];

    public static FigureDefinition? Find(string id) => All.FirstOrDefault(f => f.Id == id);
}
