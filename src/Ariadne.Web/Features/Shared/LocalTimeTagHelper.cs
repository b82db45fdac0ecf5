using System.Globalization;
using Ariadne.Web.Features.Jurisdiction;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ariadne.Web.Features.Shared;

/// <summary>
/// &lt;local-time value="..."/&gt;: a stored UTC time shown in the jurisdiction's time zone, the way officers
/// read and type times, with the exact instant kept in the datetime attribute.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(JurisdictionProfile jurisdiction) : TagHelper
{
    public DateTime? Value { get; set; }

    /// <summary>Seconds too, where the order of close events matters (the audit trail).</summary>
    public bool Seconds { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } utc)
        {
            output.Content.SetContent("—");
            return;
        }
        var stamp = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        output.Attributes.SetAttribute("datetime", stamp.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Content.SetContent(DisplayFormat.DateTime(jurisdiction.ToLocal(stamp), Seconds));
    }
}
