// pdfmake 0.3 ships no types for its browser build; the report worker uses three calls of it
// (addVirtualFileSystem, addFonts, createPdf(...).getBuffer()), typed where they are used.
declare module 'pdfmake/build/pdfmake' {
	const pdfMake: unknown;
	export default pdfMake;
}
