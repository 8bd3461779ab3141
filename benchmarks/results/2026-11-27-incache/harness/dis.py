import re,sys,subprocess
# usage: dis.py file "Compiled method header substring" -> objdump of MachCode of the last matching method
txt=open(sys.argv[1]).read().split('\n')
key=sys.argv[2]
starts=[k for k,l in enumerate(txt) if l.startswith('Compiled method') and key in l]
k=starts[int(sys.argv[3]) if len(sys.argv)>3 else -1]
# find [MachCode]
while not txt[k].startswith('[MachCode]'): k+=1
base=None; data=bytearray()
k+=1
while k<len(txt) and not txt[k].startswith('[Stub Code]') and not txt[k].startswith('[Exception Handler]') and not txt[k].startswith('Compiled method') and not txt[k].startswith('[/MachCode]'):
    m=re.match(r'\s+0x([0-9a-f]+): ((?:[0-9a-f]{2,8}\s*\|?\s*)+)$',txt[k])
    if m and ';' not in txt[k]:
        addr=int(m.group(1),16)
        hx=re.sub(r'[\s|]','',m.group(2))
        if base is None: base=addr
        assert addr==base+len(data),(hex(addr),hex(base+len(data)))
        data+=bytes.fromhex(hx)
    k+=1
open('/tmp/kern/code.bin','wb').write(data)
out=subprocess.run(['objdump','-D','-b','binary','-mi386:x86-64','--adjust-vma=%#x'%base,'/tmp/kern/code.bin'],capture_output=True,text=True).stdout
print(out)
