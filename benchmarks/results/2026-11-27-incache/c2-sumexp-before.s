
/tmp/kern/code.bin:     file format binary


Disassembly of section .data:

00007fe19bf67f40 <.data>:
    7fe19bf67f40:	89 84 24 00 c0 fe ff 	mov    %eax,-0x14000(%rsp)
    7fe19bf67f47:	55                   	push   %rbp
    7fe19bf67f48:	48 81 ec a0 01 00 00 	sub    $0x1a0,%rsp
    7fe19bf67f4f:	90                   	nop
    7fe19bf67f50:	41 81 7f 20 00 00 00 	cmpl   $0x0,0x20(%r15)
    7fe19bf67f57:	00 
    7fe19bf67f58:	0f 85 80 06 00 00    	jne    0x7fe19bf685de
    7fe19bf67f5e:	48 8b c6             	mov    %rsi,%rax
    7fe19bf67f61:	4d 8b c8             	mov    %r8,%r9
    7fe19bf67f64:	c4 c2 7d 18 50 1c    	vbroadcastss 0x1c(%r8),%ymm2
    7fe19bf67f6a:	8d 69 e0             	lea    -0x20(%rcx),%ebp
    7fe19bf67f6d:	3b d5                	cmp    %ebp,%edx
    7fe19bf67f6f:	0f 8f 1a 04 00 00    	jg     0x7fe19bf6838f
    7fe19bf67f75:	c4 c2 7d 18 58 0c    	vbroadcastss 0xc(%r8),%ymm3
    7fe19bf67f7b:	c4 e2 7d 18 25 7c ff 	vbroadcastss -0x84(%rip),%ymm4        # 0x7fe19bf67f00
    7fe19bf67f82:	ff ff 
    7fe19bf67f84:	c4 e2 7d 18 2d 77 ff 	vbroadcastss -0x89(%rip),%ymm5        # 0x7fe19bf67f04
    7fe19bf67f8b:	ff ff 
    7fe19bf67f8d:	c4 e2 7d 18 35 72 ff 	vbroadcastss -0x8e(%rip),%ymm6        # 0x7fe19bf67f08
    7fe19bf67f94:	ff ff 
    7fe19bf67f96:	c4 e2 7d 18 3d 6d ff 	vbroadcastss -0x93(%rip),%ymm7        # 0x7fe19bf67f0c
    7fe19bf67f9d:	ff ff 
    7fe19bf67f9f:	c4 62 7d 18 05 68 ff 	vbroadcastss -0x98(%rip),%ymm8        # 0x7fe19bf67f10
    7fe19bf67fa6:	ff ff 
    7fe19bf67fa8:	44 8b 46 0c          	mov    0xc(%rsi),%r8d
    7fe19bf67fac:	45 8d 50 f9          	lea    -0x7(%r8),%r10d
    7fe19bf67fb0:	45 85 d2             	test   %r10d,%r10d
    7fe19bf67fb3:	0f 8c 37 05 00 00    	jl     0x7fe19bf684f0
    7fe19bf67fb9:	49 63 f8             	movslq %r8d,%rdi
    7fe19bf67fbc:	48 83 c7 f9          	add    $0xfffffffffffffff9,%rdi
    7fe19bf67fc0:	c5 f9 57 c0          	vxorpd %xmm0,%xmm0,%xmm0
    7fe19bf67fc4:	c4 e1 f9 7e c3       	vmovq  %xmm0,%rbx
    7fe19bf67fc9:	eb 03                	jmp    0x7fe19bf67fce
    7fe19bf67fcb:	41 8b d0             	mov    %r8d,%edx
    7fe19bf67fce:	44 8d 9a 00 04 00 00 	lea    0x400(%rdx),%r11d
    7fe19bf67fd5:	44 3b d9             	cmp    %ecx,%r11d
    7fe19bf67fd8:	44 0f 4f d9          	cmovg  %ecx,%r11d
    7fe19bf67fdc:	45 8d 43 e0          	lea    -0x20(%r11),%r8d
    7fe19bf67fe0:	41 3b d0             	cmp    %r8d,%edx
    7fe19bf67fe3:	0f 8f 90 03 00 00    	jg     0x7fe19bf68379
    7fe19bf67fe9:	41 3b d2             	cmp    %r10d,%edx
    7fe19bf67fec:	0f 83 a6 03 00 00    	jae    0x7fe19bf68398
    7fe19bf67ff2:	41 83 c3 e1          	add    $0xffffffe1,%r11d
    7fe19bf67ff6:	4c 63 ea             	movslq %edx,%r13
    7fe19bf67ff9:	49 63 f3             	movslq %r11d,%rsi
    7fe19bf67ffc:	49 2b f5             	sub    %r13,%rsi
    7fe19bf67fff:	48 83 c6 1f          	add    $0x1f,%rsi
    7fe19bf68003:	48 83 e6 e0          	and    $0xffffffffffffffe0,%rsi
    7fe19bf68007:	8b f6                	mov    %esi,%esi
    7fe19bf68009:	03 f2                	add    %edx,%esi
    7fe19bf6800b:	4c 63 f6             	movslq %esi,%r14
    7fe19bf6800e:	49 8d 76 e0          	lea    -0x20(%r14),%rsi
    7fe19bf68012:	48 3b f7             	cmp    %rdi,%rsi
    7fe19bf68015:	0f 83 7d 03 00 00    	jae    0x7fe19bf68398
    7fe19bf6801b:	49 8d 75 08          	lea    0x8(%r13),%rsi
    7fe19bf6801f:	48 3b f7             	cmp    %rdi,%rsi
    7fe19bf68022:	0f 83 70 03 00 00    	jae    0x7fe19bf68398
    7fe19bf68028:	49 8d 76 e8          	lea    -0x18(%r14),%rsi
    7fe19bf6802c:	48 3b f7             	cmp    %rdi,%rsi
    7fe19bf6802f:	0f 83 63 03 00 00    	jae    0x7fe19bf68398
    7fe19bf68035:	49 8d 75 10          	lea    0x10(%r13),%rsi
    7fe19bf68039:	48 3b f7             	cmp    %rdi,%rsi
    7fe19bf6803c:	0f 83 56 03 00 00    	jae    0x7fe19bf68398
    7fe19bf68042:	49 8d 76 f0          	lea    -0x10(%r14),%rsi
    7fe19bf68046:	48 3b f7             	cmp    %rdi,%rsi
    7fe19bf68049:	0f 83 49 03 00 00    	jae    0x7fe19bf68398
    7fe19bf6804f:	49 83 c5 18          	add    $0x18,%r13
    7fe19bf68053:	4c 3b ef             	cmp    %rdi,%r13
    7fe19bf68056:	0f 83 3c 03 00 00    	jae    0x7fe19bf68398
    7fe19bf6805c:	49 83 c6 f8          	add    $0xfffffffffffffff8,%r14
    7fe19bf68060:	4c 3b f7             	cmp    %rdi,%r14
    7fe19bf68063:	0f 83 2f 03 00 00    	jae    0x7fe19bf68398
    7fe19bf68069:	41 81 f8 df ff ff 7f 	cmp    $0x7fffffdf,%r8d
    7fe19bf68070:	0f 8f ce 03 00 00    	jg     0x7fe19bf68444
    7fe19bf68076:	41 3b d0             	cmp    %r8d,%edx
    7fe19bf68079:	0f 8d c5 03 00 00    	jge    0x7fe19bf68444
    7fe19bf6807f:	c5 f8 57 c0          	vxorps %xmm0,%xmm0,%xmm0
    7fe19bf68083:	c5 fe 7f 04 24       	vmovdqu %ymm0,(%rsp)
    7fe19bf68088:	c4 41 30 57 c9       	vxorps %xmm9,%xmm9,%xmm9
    7fe19bf6808d:	66 66 90             	data16 xchg %ax,%ax
    7fe19bf68090:	44 8b c2             	mov    %edx,%r8d
    7fe19bf68093:	c4 a1 7c 10 44 80 50 	vmovups 0x50(%rax,%r8,4),%ymm0
    7fe19bf6809a:	c5 fc 5c c3          	vsubps %ymm3,%ymm0,%ymm0
    7fe19bf6809e:	c4 e2 7d 58 0d 6d fe 	vpbroadcastd -0x193(%rip),%ymm1        # 0x7fe19bf67f14
    7fe19bf680a5:	ff ff 
    7fe19bf680a7:	c4 62 75 3b d8       	vpminud %ymm0,%ymm1,%ymm11
    7fe19bf680ac:	c4 a1 7c 10 44 80 30 	vmovups 0x30(%rax,%r8,4),%ymm0
    7fe19bf680b3:	c5 fc 5c c3          	vsubps %ymm3,%ymm0,%ymm0
    7fe19bf680b7:	c4 e2 7d 58 0d 54 fe 	vpbroadcastd -0x1ac(%rip),%ymm1        # 0x7fe19bf67f14
    7fe19bf680be:	ff ff 
    7fe19bf680c0:	c4 62 75 3b d0       	vpminud %ymm0,%ymm1,%ymm10
    7fe19bf680c5:	c5 fe 6f c2          	vmovdqu %ymm2,%ymm0
    7fe19bf680c9:	c4 e2 7d 18 0d 46 fe 	vbroadcastss -0x1ba(%rip),%ymm1        # 0x7fe19bf67f18
    7fe19bf680d0:	ff ff 
    7fe19bf680d2:	c4 e2 25 b8 c1       	vfmadd231ps %ymm1,%ymm11,%ymm0
    7fe19bf680d7:	c5 7e 6f e2          	vmovdqu %ymm2,%ymm12
    7fe19bf680db:	c4 e2 7d 18 0d 34 fe 	vbroadcastss -0x1cc(%rip),%ymm1        # 0x7fe19bf67f18
    7fe19bf680e2:	ff ff 
    7fe19bf680e4:	c4 62 2d b8 e1       	vfmadd231ps %ymm1,%ymm10,%ymm12
    7fe19bf680e9:	c5 fc 5c ca          	vsubps %ymm2,%ymm0,%ymm1
    7fe19bf680ed:	c4 62 7d 18 2d 26 fe 	vbroadcastss -0x1da(%rip),%ymm13        # 0x7fe19bf67f1c
    7fe19bf680f4:	ff ff 
    7fe19bf680f6:	c4 42 75 b8 dd       	vfmadd231ps %ymm13,%ymm1,%ymm11
    7fe19bf680fb:	c4 e2 7d 58 0d 1c fe 	vpbroadcastd -0x1e4(%rip),%ymm1        # 0x7fe19bf67f20
    7fe19bf68102:	ff ff 
    7fe19bf68104:	c4 e2 75 3d c0       	vpmaxsd %ymm0,%ymm1,%ymm0
    7fe19bf68109:	c5 f5 72 f0 17       	vpslld $0x17,%ymm0,%ymm1
    7fe19bf6810e:	c5 9c 5c c2          	vsubps %ymm2,%ymm12,%ymm0
    7fe19bf68112:	c4 62 7d 18 2d 01 fe 	vbroadcastss -0x1ff(%rip),%ymm13        # 0x7fe19bf67f1c
    7fe19bf68119:	ff ff 
    7fe19bf6811b:	c4 42 7d b8 d5       	vfmadd231ps %ymm13,%ymm0,%ymm10
    7fe19bf68120:	c4 e2 7d 58 05 f7 fd 	vpbroadcastd -0x209(%rip),%ymm0        # 0x7fe19bf67f20
    7fe19bf68127:	ff ff 
    7fe19bf68129:	c4 c2 7d 3d c4       	vpmaxsd %ymm12,%ymm0,%ymm0
    7fe19bf6812e:	c5 9d 72 f0 17       	vpslld $0x17,%ymm0,%ymm12
    7fe19bf68133:	c5 fe 6f c4          	vmovdqu %ymm4,%ymm0
    7fe19bf68137:	c4 62 7d 18 2d e4 fd 	vbroadcastss -0x21c(%rip),%ymm13        # 0x7fe19bf67f24
    7fe19bf6813e:	ff ff 
    7fe19bf68140:	c4 c2 2d b8 c5       	vfmadd231ps %ymm13,%ymm10,%ymm0
    7fe19bf68145:	c5 7e 6f ed          	vmovdqu %ymm5,%ymm13
    7fe19bf68149:	c4 42 7d b8 ea       	vfmadd231ps %ymm10,%ymm0,%ymm13
    7fe19bf6814e:	c5 fe 6f c6          	vmovdqu %ymm6,%ymm0
    7fe19bf68152:	c4 c2 15 b8 c2       	vfmadd231ps %ymm10,%ymm13,%ymm0
    7fe19bf68157:	c5 7e 6f ef          	vmovdqu %ymm7,%ymm13
    7fe19bf6815b:	c4 42 7d b8 ea       	vfmadd231ps %ymm10,%ymm0,%ymm13
    7fe19bf68160:	c4 c1 7e 6f c0       	vmovdqu %ymm8,%ymm0
    7fe19bf68165:	c4 c2 15 b8 c2       	vfmadd231ps %ymm10,%ymm13,%ymm0
    7fe19bf6816a:	c5 1c 59 d0          	vmulps %ymm0,%ymm12,%ymm10
    7fe19bf6816e:	c5 fe 6f c4          	vmovdqu %ymm4,%ymm0
    7fe19bf68172:	c4 62 7d 18 25 a9 fd 	vbroadcastss -0x257(%rip),%ymm12        # 0x7fe19bf67f24
    7fe19bf68179:	ff ff 
    7fe19bf6817b:	c4 c2 25 b8 c4       	vfmadd231ps %ymm12,%ymm11,%ymm0
    7fe19bf68180:	c5 7e 6f e5          	vmovdqu %ymm5,%ymm12
    7fe19bf68184:	c4 42 7d b8 e3       	vfmadd231ps %ymm11,%ymm0,%ymm12
    7fe19bf68189:	c5 fe 6f c6          	vmovdqu %ymm6,%ymm0
    7fe19bf6818d:	c4 c2 1d b8 c3       	vfmadd231ps %ymm11,%ymm12,%ymm0
    7fe19bf68192:	c5 7e 6f e7          	vmovdqu %ymm7,%ymm12
    7fe19bf68196:	c4 42 7d b8 e3       	vfmadd231ps %ymm11,%ymm0,%ymm12
    7fe19bf6819b:	c4 c1 7e 6f c0       	vmovdqu %ymm8,%ymm0
    7fe19bf681a0:	c4 c2 1d b8 c3       	vfmadd231ps %ymm11,%ymm12,%ymm0
    7fe19bf681a5:	c5 74 59 d8          	vmulps %ymm0,%ymm1,%ymm11
    7fe19bf681a9:	c4 a1 7c 10 44 80 10 	vmovups 0x10(%rax,%r8,4),%ymm0
    7fe19bf681b0:	c5 fc 5c c3          	vsubps %ymm3,%ymm0,%ymm0
    7fe19bf681b4:	c4 e2 7d 58 0d 57 fd 	vpbroadcastd -0x2a9(%rip),%ymm1        # 0x7fe19bf67f14
    7fe19bf681bb:	ff ff 
    7fe19bf681bd:	c4 62 7d 3b e1       	vpminud %ymm1,%ymm0,%ymm12
    7fe19bf681c2:	c4 a1 7c 10 44 80 70 	vmovups 0x70(%rax,%r8,4),%ymm0
    7fe19bf681c9:	c5 fc 5c c3          	vsubps %ymm3,%ymm0,%ymm0
    7fe19bf681cd:	c4 e2 7d 58 0d 3e fd 	vpbroadcastd -0x2c2(%rip),%ymm1        # 0x7fe19bf67f14
    7fe19bf681d4:	ff ff 
    7fe19bf681d6:	c4 62 75 3b e8       	vpminud %ymm0,%ymm1,%ymm13
    7fe19bf681db:	c5 fe 6f c2          	vmovdqu %ymm2,%ymm0
    7fe19bf681df:	c4 e2 7d 18 0d 30 fd 	vbroadcastss -0x2d0(%rip),%ymm1        # 0x7fe19bf67f18
    7fe19bf681e6:	ff ff 
    7fe19bf681e8:	c4 e2 1d b8 c1       	vfmadd231ps %ymm1,%ymm12,%ymm0
    7fe19bf681ed:	c5 7e 6f f2          	vmovdqu %ymm2,%ymm14
    7fe19bf681f1:	c4 e2 7d 18 0d 1e fd 	vbroadcastss -0x2e2(%rip),%ymm1        # 0x7fe19bf67f18
    7fe19bf681f8:	ff ff 
    7fe19bf681fa:	c4 62 15 b8 f1       	vfmadd231ps %ymm1,%ymm13,%ymm14
    7fe19bf681ff:	c5 fc 5c ca          	vsubps %ymm2,%ymm0,%ymm1
    7fe19bf68203:	c4 62 7d 18 3d 10 fd 	vbroadcastss -0x2f0(%rip),%ymm15        # 0x7fe19bf67f1c
    7fe19bf6820a:	ff ff 
    7fe19bf6820c:	c4 42 75 b8 e7       	vfmadd231ps %ymm15,%ymm1,%ymm12
    7fe19bf68211:	c4 e2 7d 58 0d 06 fd 	vpbroadcastd -0x2fa(%rip),%ymm1        # 0x7fe19bf67f20
    7fe19bf68218:	ff ff 
    7fe19bf6821a:	c4 e2 7d 3d c1       	vpmaxsd %ymm1,%ymm0,%ymm0
    7fe19bf6821f:	c5 f5 72 f0 17       	vpslld $0x17,%ymm0,%ymm1
    7fe19bf68224:	c5 8c 5c c2          	vsubps %ymm2,%ymm14,%ymm0
    7fe19bf68228:	c4 62 7d 18 3d eb fc 	vbroadcastss -0x315(%rip),%ymm15        # 0x7fe19bf67f1c
    7fe19bf6822f:	ff ff 
    7fe19bf68231:	c4 42 7d b8 ef       	vfmadd231ps %ymm15,%ymm0,%ymm13
    7fe19bf68236:	c4 e2 7d 58 05 e1 fc 	vpbroadcastd -0x31f(%rip),%ymm0        # 0x7fe19bf67f20
    7fe19bf6823d:	ff ff 
    7fe19bf6823f:	c4 c2 7d 3d c6       	vpmaxsd %ymm14,%ymm0,%ymm0
    7fe19bf68244:	c5 8d 72 f0 17       	vpslld $0x17,%ymm0,%ymm14
    7fe19bf68249:	c5 fe 6f c4          	vmovdqu %ymm4,%ymm0
    7fe19bf6824d:	c4 62 7d 18 3d ce fc 	vbroadcastss -0x332(%rip),%ymm15        # 0x7fe19bf67f24
    7fe19bf68254:	ff ff 
    7fe19bf68256:	c4 c2 15 b8 c7       	vfmadd231ps %ymm15,%ymm13,%ymm0
    7fe19bf6825b:	c5 7e 6f fd          	vmovdqu %ymm5,%ymm15
    7fe19bf6825f:	c4 42 7d b8 fd       	vfmadd231ps %ymm13,%ymm0,%ymm15
    7fe19bf68264:	c5 fe 6f c6          	vmovdqu %ymm6,%ymm0
    7fe19bf68268:	c4 c2 05 b8 c5       	vfmadd231ps %ymm13,%ymm15,%ymm0
    7fe19bf6826d:	c5 7e 6f ff          	vmovdqu %ymm7,%ymm15
    7fe19bf68271:	c4 42 7d b8 fd       	vfmadd231ps %ymm13,%ymm0,%ymm15
    7fe19bf68276:	c4 c1 7e 6f c0       	vmovdqu %ymm8,%ymm0
    7fe19bf6827b:	c4 c2 05 b8 c5       	vfmadd231ps %ymm13,%ymm15,%ymm0
    7fe19bf68280:	c5 8c 59 c0          	vmulps %ymm0,%ymm14,%ymm0
    7fe19bf68284:	c5 a4 58 c0          	vaddps %ymm0,%ymm11,%ymm0
    7fe19bf68288:	c4 41 7c 58 c9       	vaddps %ymm9,%ymm0,%ymm9
    7fe19bf6828d:	c5 fe 6f c4          	vmovdqu %ymm4,%ymm0
    7fe19bf68291:	c4 62 7d 18 1d 8a fc 	vbroadcastss -0x376(%rip),%ymm11        # 0x7fe19bf67f24
    7fe19bf68298:	ff ff 
    7fe19bf6829a:	c4 c2 1d b8 c3       	vfmadd231ps %ymm11,%ymm12,%ymm0
    7fe19bf6829f:	c5 7e 6f dd          	vmovdqu %ymm5,%ymm11
    7fe19bf682a3:	c4 42 7d b8 dc       	vfmadd231ps %ymm12,%ymm0,%ymm11
    7fe19bf682a8:	c5 fe 6f c6          	vmovdqu %ymm6,%ymm0
    7fe19bf682ac:	c4 c2 25 b8 c4       	vfmadd231ps %ymm12,%ymm11,%ymm0
    7fe19bf682b1:	c5 7e 6f df          	vmovdqu %ymm7,%ymm11
    7fe19bf682b5:	c4 42 7d b8 dc       	vfmadd231ps %ymm12,%ymm0,%ymm11
    7fe19bf682ba:	c4 c1 7e 6f c0       	vmovdqu %ymm8,%ymm0
    7fe19bf682bf:	c4 c2 25 b8 c4       	vfmadd231ps %ymm12,%ymm11,%ymm0
    7fe19bf682c4:	c5 f4 59 c0          	vmulps %ymm0,%ymm1,%ymm0
    7fe19bf682c8:	c4 c1 7c 58 c2       	vaddps %ymm10,%ymm0,%ymm0
    7fe19bf682cd:	c5 fe 6f 0c 24       	vmovdqu (%rsp),%ymm1
    7fe19bf682d2:	c5 fc 58 c1          	vaddps %ymm1,%ymm0,%ymm0
    7fe19bf682d6:	c5 fe 7f 04 24       	vmovdqu %ymm0,(%rsp)
    7fe19bf682db:	83 c2 20             	add    $0x20,%edx
    7fe19bf682de:	41 3b d3             	cmp    %r11d,%edx
    7fe19bf682e1:	0f 8c a9 fd ff ff    	jl     0x7fe19bf68090
    7fe19bf682e7:	41 83 c0 20          	add    $0x20,%r8d
    7fe19bf682eb:	c5 fe 6f 04 24       	vmovdqu (%rsp),%ymm0
    7fe19bf682f0:	c5 34 58 c8          	vaddps %ymm0,%ymm9,%ymm9
    7fe19bf682f4:	49 8b 57 30          	mov    0x30(%r15),%rdx
    7fe19bf682f8:	c5 f8 57 c0          	vxorps %xmm0,%xmm0,%xmm0
    7fe19bf682fc:	c4 43 7d 19 cb 01    	vextractf128 $0x1,%ymm9,%xmm11
    7fe19bf68302:	c4 41 20 58 d9       	vaddps %xmm9,%xmm11,%xmm11
    7fe19bf68307:	c4 41 79 70 d3 0e    	vpshufd $0xe,%xmm11,%xmm10
    7fe19bf6830d:	c4 41 28 58 d3       	vaddps %xmm11,%xmm10,%xmm10
    7fe19bf68312:	c4 c1 79 70 ca 01    	vpshufd $0x1,%xmm10,%xmm1
    7fe19bf68318:	c4 c1 72 58 ca       	vaddss %xmm10,%xmm1,%xmm1
    7fe19bf6831d:	c5 f2 5a c1          	vcvtss2sd %xmm1,%xmm1,%xmm0
    7fe19bf68321:	c4 e1 f9 6e cb       	vmovq  %rbx,%xmm1
    7fe19bf68326:	c5 f3 58 c0          	vaddsd %xmm0,%xmm1,%xmm0
    7fe19bf6832a:	c4 e1 f9 7e c3       	vmovq  %xmm0,%rbx
    7fe19bf6832f:	c4 e2 7d 18 05 ec fb 	vbroadcastss -0x414(%rip),%ymm0        # 0x7fe19bf67f24
    7fe19bf68336:	ff ff 
    7fe19bf68338:	c4 e2 7d 18 0d db fb 	vbroadcastss -0x425(%rip),%ymm1        # 0x7fe19bf67f1c
    7fe19bf6833f:	ff ff 
    7fe19bf68341:	c4 62 7d 18 0d ce fb 	vbroadcastss -0x432(%rip),%ymm9        # 0x7fe19bf67f18
    7fe19bf68348:	ff ff 
    7fe19bf6834a:	85 02                	test   %eax,(%rdx)
    7fe19bf6834c:	44 3b c5             	cmp    %ebp,%r8d
    7fe19bf6834f:	0f 8e 76 fc ff ff    	jle    0x7fe19bf67fcb
    7fe19bf68355:	c4 e1 f9 6e c3       	vmovq  %rbx,%xmm0
    7fe19bf6835a:	44 3b c1             	cmp    %ecx,%r8d
    7fe19bf6835d:	0f 8c 21 02 00 00    	jl     0x7fe19bf68584
    7fe19bf68363:	c5 f8 77             	vzeroupper
    7fe19bf68366:	48 81 c4 a0 01 00 00 	add    $0x1a0,%rsp
    7fe19bf6836d:	5d                   	pop    %rbp
    7fe19bf6836e:	49 3b 67 28          	cmp    0x28(%r15),%rsp
    7fe19bf68372:	0f 87 50 02 00 00    	ja     0x7fe19bf685c8
    7fe19bf68378:	c3                   	ret
    7fe19bf68379:	c5 f8 57 c0          	vxorps %xmm0,%xmm0,%xmm0
    7fe19bf6837d:	c5 fe 7f 04 24       	vmovdqu %ymm0,(%rsp)
    7fe19bf68382:	c4 41 30 57 c9       	vxorps %xmm9,%xmm9,%xmm9
    7fe19bf68387:	44 8b c2             	mov    %edx,%r8d
    7fe19bf6838a:	e9 5c ff ff ff       	jmp    0x7fe19bf682eb
    7fe19bf6838f:	44 8b c2             	mov    %edx,%r8d
    7fe19bf68392:	c5 f9 57 c0          	vxorpd %xmm0,%xmm0,%xmm0
    7fe19bf68396:	eb c2                	jmp    0x7fe19bf6835a
    7fe19bf68398:	be 6e ff ff ff       	mov    $0xffffff6e,%esi
    7fe19bf6839d:	48 8b e8             	mov    %rax,%rbp
    7fe19bf683a0:	89 0c 24             	mov    %ecx,(%rsp)
    7fe19bf683a3:	48 89 5c 24 08       	mov    %rbx,0x8(%rsp)
    7fe19bf683a8:	89 54 24 14          	mov    %edx,0x14(%rsp)
    7fe19bf683ac:	44 89 44 24 18       	mov    %r8d,0x18(%rsp)
    7fe19bf683b1:	c5 f8 57 c0          	vxorps %xmm0,%xmm0,%xmm0
    7fe19bf683b5:	c5 fe 7f 44 24 20    	vmovdqu %ymm0,0x20(%rsp)
    7fe19bf683bb:	c5 7e 7f 44 24 40    	vmovdqu %ymm8,0x40(%rsp)
    7fe19bf683c1:	c5 fe 7f 7c 24 60    	vmovdqu %ymm7,0x60(%rsp)
    7fe19bf683c7:	c5 fe 7f b4 24 80 00 	vmovdqu %ymm6,0x80(%rsp)
    7fe19bf683ce:	00 00 
    7fe19bf683d0:	c5 fe 7f ac 24 a0 00 	vmovdqu %ymm5,0xa0(%rsp)
    7fe19bf683d7:	00 00 
    7fe19bf683d9:	c5 fe 7f a4 24 c0 00 	vmovdqu %ymm4,0xc0(%rsp)
    7fe19bf683e0:	00 00 
    7fe19bf683e2:	c4 e2 7d 18 05 39 fb 	vbroadcastss -0x4c7(%rip),%ymm0        # 0x7fe19bf67f24
    7fe19bf683e9:	ff ff 
    7fe19bf683eb:	c5 fe 7f 84 24 e0 00 	vmovdqu %ymm0,0xe0(%rsp)
    7fe19bf683f2:	00 00 
    7fe19bf683f4:	c4 e2 7d 18 05 1f fb 	vbroadcastss -0x4e1(%rip),%ymm0        # 0x7fe19bf67f1c
    7fe19bf683fb:	ff ff 
    7fe19bf683fd:	c5 fe 7f 84 24 00 01 	vmovdqu %ymm0,0x100(%rsp)
    7fe19bf68404:	00 00 
    7fe19bf68406:	c4 e2 7d 18 05 09 fb 	vbroadcastss -0x4f7(%rip),%ymm0        # 0x7fe19bf67f18
    7fe19bf6840d:	ff ff 
    7fe19bf6840f:	c5 fe 7f 84 24 20 01 	vmovdqu %ymm0,0x120(%rsp)
    7fe19bf68416:	00 00 
    7fe19bf68418:	c5 fe 7f 94 24 40 01 	vmovdqu %ymm2,0x140(%rsp)
    7fe19bf6841f:	00 00 
    7fe19bf68421:	c5 fe 7f 9c 24 60 01 	vmovdqu %ymm3,0x160(%rsp)
    7fe19bf68428:	00 00 
    7fe19bf6842a:	4c 89 8c 24 80 01 00 	mov    %r9,0x180(%rsp)
    7fe19bf68431:	00 
    7fe19bf68432:	66 90                	xchg   %ax,%ax
    7fe19bf68434:	c5 f8 77             	vzeroupper
    7fe19bf68437:	e8 a4 94 a4 ff       	call   0x7fe19b9b18e0
    7fe19bf6843c:	0f 1f 84 00 34 06 00 	nopl   0x1000634(%rax,%rax,1)
    7fe19bf68443:	01 
    7fe19bf68444:	be 66 ff ff ff       	mov    $0xffffff66,%esi
    7fe19bf68449:	48 8b e8             	mov    %rax,%rbp
    7fe19bf6844c:	89 0c 24             	mov    %ecx,(%rsp)
    7fe19bf6844f:	48 89 5c 24 08       	mov    %rbx,0x8(%rsp)
    7fe19bf68454:	89 54 24 14          	mov    %edx,0x14(%rsp)
    7fe19bf68458:	44 89 44 24 18       	mov    %r8d,0x18(%rsp)
    7fe19bf6845d:	c5 f8 57 c0          	vxorps %xmm0,%xmm0,%xmm0
    7fe19bf68461:	c5 fe 7f 44 24 20    	vmovdqu %ymm0,0x20(%rsp)
    7fe19bf68467:	c5 7e 7f 44 24 40    	vmovdqu %ymm8,0x40(%rsp)
    7fe19bf6846d:	c5 fe 7f 7c 24 60    	vmovdqu %ymm7,0x60(%rsp)
    7fe19bf68473:	c5 fe 7f b4 24 80 00 	vmovdqu %ymm6,0x80(%rsp)
    7fe19bf6847a:	00 00 
    7fe19bf6847c:	c5 fe 7f ac 24 a0 00 	vmovdqu %ymm5,0xa0(%rsp)
    7fe19bf68483:	00 00 
    7fe19bf68485:	c5 fe 7f a4 24 c0 00 	vmovdqu %ymm4,0xc0(%rsp)
    7fe19bf6848c:	00 00 
    7fe19bf6848e:	c4 e2 7d 18 05 8d fa 	vbroadcastss -0x573(%rip),%ymm0        # 0x7fe19bf67f24
    7fe19bf68495:	ff ff 
    7fe19bf68497:	c5 fe 7f 84 24 e0 00 	vmovdqu %ymm0,0xe0(%rsp)
    7fe19bf6849e:	00 00 
    7fe19bf684a0:	c4 e2 7d 18 05 73 fa 	vbroadcastss -0x58d(%rip),%ymm0        # 0x7fe19bf67f1c
    7fe19bf684a7:	ff ff 
    7fe19bf684a9:	c5 fe 7f 84 24 00 01 	vmovdqu %ymm0,0x100(%rsp)
    7fe19bf684b0:	00 00 
    7fe19bf684b2:	c4 e2 7d 18 05 5d fa 	vbroadcastss -0x5a3(%rip),%ymm0        # 0x7fe19bf67f18
    7fe19bf684b9:	ff ff 
    7fe19bf684bb:	c5 fe 7f 84 24 20 01 	vmovdqu %ymm0,0x120(%rsp)
    7fe19bf684c2:	00 00 
    7fe19bf684c4:	c5 fe 7f 94 24 40 01 	vmovdqu %ymm2,0x140(%rsp)
    7fe19bf684cb:	00 00 
    7fe19bf684cd:	c5 fe 7f 9c 24 60 01 	vmovdqu %ymm3,0x160(%rsp)
    7fe19bf684d4:	00 00 
    7fe19bf684d6:	4c 89 8c 24 80 01 00 	mov    %r9,0x180(%rsp)
    7fe19bf684dd:	00 
    7fe19bf684de:	66 90                	xchg   %ax,%ax
    7fe19bf684e0:	c5 f8 77             	vzeroupper
    7fe19bf684e3:	e8 f8 93 a4 ff       	call   0x7fe19b9b18e0
    7fe19bf684e8:	0f 1f 84 00 e0 06 00 	nopl   0x20006e0(%rax,%rax,1)
    7fe19bf684ef:	02 
    7fe19bf684f0:	be be ff ff ff       	mov    $0xffffffbe,%esi
    7fe19bf684f5:	48 89 04 24          	mov    %rax,(%rsp)
    7fe19bf684f9:	89 4c 24 08          	mov    %ecx,0x8(%rsp)
    7fe19bf684fd:	89 54 24 10          	mov    %edx,0x10(%rsp)
    7fe19bf68501:	c5 7e 7f 44 24 20    	vmovdqu %ymm8,0x20(%rsp)
    7fe19bf68507:	c5 fe 7f 7c 24 40    	vmovdqu %ymm7,0x40(%rsp)
    7fe19bf6850d:	c5 fe 7f 74 24 60    	vmovdqu %ymm6,0x60(%rsp)
    7fe19bf68513:	c5 fe 7f ac 24 80 00 	vmovdqu %ymm5,0x80(%rsp)
    7fe19bf6851a:	00 00 
    7fe19bf6851c:	c5 fe 7f a4 24 a0 00 	vmovdqu %ymm4,0xa0(%rsp)
    7fe19bf68523:	00 00 
    7fe19bf68525:	c4 e2 7d 18 05 f6 f9 	vbroadcastss -0x60a(%rip),%ymm0        # 0x7fe19bf67f24
    7fe19bf6852c:	ff ff 
    7fe19bf6852e:	c5 fe 7f 84 24 c0 00 	vmovdqu %ymm0,0xc0(%rsp)
    7fe19bf68535:	00 00 
    7fe19bf68537:	c4 e2 7d 18 05 dc f9 	vbroadcastss -0x624(%rip),%ymm0        # 0x7fe19bf67f1c
    7fe19bf6853e:	ff ff 
    7fe19bf68540:	c5 fe 7f 84 24 e0 00 	vmovdqu %ymm0,0xe0(%rsp)
    7fe19bf68547:	00 00 
    7fe19bf68549:	c4 e2 7d 18 05 c6 f9 	vbroadcastss -0x63a(%rip),%ymm0        # 0x7fe19bf67f18
    7fe19bf68550:	ff ff 
    7fe19bf68552:	c5 fe 7f 84 24 00 01 	vmovdqu %ymm0,0x100(%rsp)
    7fe19bf68559:	00 00 
    7fe19bf6855b:	c5 fe 7f 94 24 20 01 	vmovdqu %ymm2,0x120(%rsp)
    7fe19bf68562:	00 00 
    7fe19bf68564:	c5 fe 7f 9c 24 40 01 	vmovdqu %ymm3,0x140(%rsp)
    7fe19bf6856b:	00 00 
    7fe19bf6856d:	4c 89 4c 24 18       	mov    %r9,0x18(%rsp)
    7fe19bf68572:	66 90                	xchg   %ax,%ax
    7fe19bf68574:	c5 f8 77             	vzeroupper
    7fe19bf68577:	e8 64 93 a4 ff       	call   0x7fe19b9b18e0
    7fe19bf6857c:	0f 1f 84 00 74 07 00 	nopl   0x3000774(%rax,%rax,1)
    7fe19bf68583:	03 
    7fe19bf68584:	be 45 ff ff ff       	mov    $0xffffff45,%esi
    7fe19bf68589:	48 8b e8             	mov    %rax,%rbp
    7fe19bf6858c:	c5 fb 11 44 24 08    	vmovsd %xmm0,0x8(%rsp)
    7fe19bf68592:	44 89 44 24 10       	mov    %r8d,0x10(%rsp)
    7fe19bf68597:	89 4c 24 14          	mov    %ecx,0x14(%rsp)
    7fe19bf6859b:	4c 89 4c 24 18       	mov    %r9,0x18(%rsp)
    7fe19bf685a0:	c5 f8 77             	vzeroupper
    7fe19bf685a3:	e8 38 93 a4 ff       	call   0x7fe19b9b18e0
    7fe19bf685a8:	0f 1f 84 00 a0 07 00 	nopl   0x40007a0(%rax,%rax,1)
    7fe19bf685af:	04 
    7fe19bf685b0:	be f6 ff ff ff       	mov    $0xfffffff6,%esi
    7fe19bf685b5:	66 66 90             	data16 xchg %ax,%ax
    7fe19bf685b8:	c5 f8 77             	vzeroupper
    7fe19bf685bb:	e8 20 93 a4 ff       	call   0x7fe19b9b18e0
    7fe19bf685c0:	0f 1f 84 00 b8 07 00 	nopl   0x50007b8(%rax,%rax,1)
    7fe19bf685c7:	05 
    7fe19bf685c8:	49 ba 6e 83 f6 9b e1 	movabs $0x7fe19bf6836e,%r10
    7fe19bf685cf:	7f 00 00 
    7fe19bf685d2:	4d 89 97 38 05 00 00 	mov    %r10,0x538(%r15)
    7fe19bf685d9:	e9 82 ff a1 ff       	jmp    0x7fe19b988560
    7fe19bf685de:	e8 3d 93 a0 ff       	call   0x7fe19b971920
    7fe19bf685e3:	e9 76 f9 ff ff       	jmp    0x7fe19bf67f5e

