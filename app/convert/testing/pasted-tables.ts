/**
 * Tables as other programs put them on the clipboard (`text/html`), written after what Google
 * Docs, Google Sheets, Word for Windows and a Wikipedia page give when a table is copied. Unit
 * tests read them with linkedom, the browser tests paste them into the editor; both expect a table.
 */

/** Google Docs: a `<b style="font-weight:normal">` around everything, a `<div>` around the table, a `<colgroup>`, inline styles on every span, `<br>` after the table. */
export const googleDocsTable =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-3f1c2a7e-7fff-1b2c-9a4d-0e5f6a7b8c9d">' +
  '<div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;">' +
  '<colgroup><col width="200" /><col width="200" /><col width="200" /></colgroup><tbody>' +
  '<tr style="height:0pt">' +
  ['Task', 'Owner', 'Due']
    .map(
      (text) =>
        '<td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;">' +
        '<p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">' +
        text +
        '</span></p></td>'
    )
    .join('') +
  '</tr><tr style="height:0pt">' +
  '<td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:italic;">Write</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;"> the post</span></p>' +
  '<p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">then review it</span></p></td>' +
  '<td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">Ana</span></p></td>' +
  '<td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><br /></td>' +
  '</tr><tr style="height:0pt">' +
  '<td colspan="2" style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">发布 launch</span></p></td>' +
  '<td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">Friday</span></p></td>' +
  '</tr></tbody></table></div><br /></b>'

/** Word for Windows: a whole page with Office namespaces, `<!--StartFragment-->`, `mso-` styles, `<o:p>` paragraph markers, `&nbsp;` empty cells. */
export const wordTable = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;mso-style-qformat:yes;margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
table.MsoTableGrid
	{mso-style-name:"Table Grid";mso-tstyle-rowband-size:0;border:solid windowtext 1.0pt;}
-->
</style>
</head>

<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=EN-US style='mso-ansi-language:EN-US'>Item<o:p></o:p></span></b></p>
  </td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;
  border-left:none;mso-border-left-alt:solid windowtext .5pt;mso-border-alt:
  solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=EN-US style='mso-ansi-language:EN-US'>Price<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;
  border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=EN-US style='mso-ansi-language:EN-US'>Apples, <i style='mso-bidi-font-style:normal'>green</i><o:p></o:p></span></p>
  </td>
  <td width=301 valign=top style='width:225.4pt;border-top:none;border-left:
  none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=EN-US style='mso-ansi-language:EN-US'>€ 3<o:p></o:p></span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;
  border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=EN-US style='mso-ansi-language:EN-US'>Pears<o:p></o:p></span></p>
  </td>
  <td width=301 valign=top style='width:225.4pt;border-top:none;border-left:
  none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><o:p>&nbsp;</o:p></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><span lang=EN-US style='mso-ansi-language:EN-US'>After the table<o:p></o:p></span></p>

<!--EndFragment-->
</body>

</html>`

/** Google Sheets: a custom element around a `<style>` and a table whose cells hold text directly, styled per cell. */
export const googleSheetsTable =
  '<google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style>' +
  '<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1">' +
  '<colgroup><col width="100"/><col width="100"/></colgroup><tbody>' +
  '<tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;font-weight:bold;">Fruit</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;font-weight:bold;">Qty</td></tr>' +
  '<tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;">Apples</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;text-align:right;" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:3}">3</td></tr>' +
  '</tbody></table></google-sheets-html-origin>'

/** A web page (Wikipedia's markup): caption, `thead`, header cells per row, a reference in `<sup>`, a merged cell. */
export const webPageTable =
  '<p>The largest cities:</p><table class="wikitable sortable jquery-tablesorter"><caption>Largest cities</caption>' +
  '<thead><tr><th scope="col" class="headerSort">City</th><th scope="col" class="headerSort">Population<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></th></tr></thead>' +
  '<tbody><tr><th scope="row"><a href="/wiki/Shanghai" title="Shanghai">上海</a></th><td style="text-align:right">24,870,895</td></tr>' +
  '<tr><th scope="row"><a href="/wiki/Beijing" title="Beijing">北京</a></th><td style="text-align:right">21,893,095</td></tr>' +
  '<tr><td colspan="2"><i>Source: 2020 census</i></td></tr></tbody></table>'
